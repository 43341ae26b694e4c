package io.github.segmentabsmartly.bridge.outcome;

/** Marks an event whose messageId (from the same source) was delivered, or is being delivered, already. */
public class MarkDuplicate extends FixedOutcome {

    public MarkDuplicate() {
        super(EventOutcome.Kind.DUPLICATE, "this messageId was delivered already");
    }
}
