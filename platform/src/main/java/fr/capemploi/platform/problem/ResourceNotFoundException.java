package fr.capemploi.platform.problem;

/** The resource does not exist, or exists in another structure, which the caller must not learn. */
public class ResourceNotFoundException extends RuntimeException {
    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
    }
}
