package fr.capemploi.platform.problem;

/**
 * What the request is about existed but is gone for good (e.g. a person whose data was erased): 410 tells a client
 * that retrying will not help, and the problem type says why.
 */
public class GoneException extends RuntimeException {

    private final String slug;
    private final String title;

    /** @param slug the end of the problem type, e.g. {@code beneficiary-erased} */
    public GoneException(String slug, String title, String detail) {
        super(detail);
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
