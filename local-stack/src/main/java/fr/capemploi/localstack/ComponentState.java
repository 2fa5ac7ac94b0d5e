package fr.capemploi.localstack;

public enum ComponentState {
    WAITING("waiting"),
    STARTING("starting"),
    READY("ready"),
    EXTERNAL("external"),
    STOPPING("stopping"),
    STOPPED("stopped"),
    FAILED("failed");

    private final String label;

    ComponentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
