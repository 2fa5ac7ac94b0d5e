package fr.capemploi.platform.idempotency;

/** The answer given to the first request that carried a key, kept to be given again to its retries. */
record StoredAnswer(String requestHash, int status, String location, String body) {
}
