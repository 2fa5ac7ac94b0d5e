package fr.capemploi.events;

/** One topic per owning service; each has a dead-letter companion for poison events. */
public final class Topics {
    public static final String BENEFICIARY = "beneficiary.events";
    public static final String CEP = "cep.events";
    public static final String CPF = "cpf.events";
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
