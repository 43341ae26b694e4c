package io.github.segmentabsmartly.bridge.health;

import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A check of the bridge's (group "bridge") that only readiness asks: what it finds wrong (the Collector, a disk, a
 * route edit) is not mended by restarting the bridge, so liveness must not report it.
 */
abstract class ReadinessCheck extends AbstractHealthCheck {

    ReadinessCheck(String id) {
        super("bridge", id);
    }

    @Override
    public final boolean isLiveness() {
        return false;
    }

    @Override
    public final boolean isReadiness() {
        return true;
    }
}
