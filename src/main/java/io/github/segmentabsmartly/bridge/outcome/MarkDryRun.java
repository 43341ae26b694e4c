package io.github.segmentabsmartly.bridge.outcome;

/** Dry run: marks the event as written to the outbox. */
public class MarkDryRun extends FixedOutcome {

    public MarkDryRun() {
        super(EventOutcome.Kind.DRY_RUN, "dry run: written to the outbox because ABSMARTLY_COLLECTOR_ENDPOINT is not set");
    }
}
