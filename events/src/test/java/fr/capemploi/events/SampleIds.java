package fr.capemploi.events;

import java.util.UUID;

/** Ids shared by the sample events, so that samples of one person's story refer to the same person. */
public final class SampleIds {
    public static final UUID STRUCTURE = UUID.fromString("6a1d3f0e-6c1b-4b59-9a51-1d1f6f4f2a01");
    public static final UUID BENEFICIARY = UUID.fromString("0f8e5a7c-2a44-4c43-8d55-7c7c2b1e9b11");
    public static final UUID COUNSELLOR = UUID.fromString("5b2f0a9d-3e1c-4f6a-9c8b-2d4e6f8a0b21");

    private SampleIds() {
    }
}
