package fr.capemploi.beneficiary.rest;

import fr.capemploi.platform.rest.ExampleIds;

/** The named examples of the OpenAPI document, kept apart so the resources stay readable. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String CONSENT_ID = "3d7a9b2c-1e4f-4a6b-8c9d-0e1f2a3b4c71";
    private static final String PROBLEMS = "https://cepcpf.capemploi.fr/problems/";
    // the opening of each kind of problem the examples show, up to its detail
    private static final String INVALID = "{\"type\":\"" + PROBLEMS + "validation\",\"title\":\"Invalid request\",\"status\":400,";
    private static final String NOT_FOUND = "{\"type\":\"" + PROBLEMS + "not-found\",\"title\":\"Not found\",\"status\":404,";
    private static final String CONFLICT = "{\"type\":\"" + PROBLEMS + "conflict\",\"title\":\"Conflict\",\"status\":409,";
    private static final String ERASED = "{\"type\":\"" + PROBLEMS + "erased\",\"title\":\"Erased\",\"status\":410,";
    private static final String PRECONDITION_FAILED = "{\"type\":\"" + PROBLEMS + "precondition-failed\",\"title\":\"Precondition failed\",\"status\":412,";

    // ---- structures and counsellors
    static final String STRUCTURE = "{\"id\":\"" + ExampleIds.STRUCTURE + "\",\"code\":\"075\",\"name\":\"Cap emploi Paris\","
            + "\"region\":\"11\",\"regionName\":\"Île-de-France\",\"department\":\"75\",\"registeredOn\":\"2016-01-04\"}";
    static final String STRUCTURE_PAGE = "{\"items\":[" + STRUCTURE + "],\"total\":1,\"page\":0,\"size\":20}";
    static final String COUNSELLOR_REQUEST = "{\"displayName\":\"Claire Dupont\",\"activeFrom\":\"2016-01-04\"}";
    static final String COUNSELLOR = "{\"id\":\"" + ExampleIds.COUNSELLOR + "\",\"structureId\":\"" + ExampleIds.STRUCTURE + "\","
            + "\"displayName\":\"Claire Dupont\",\"activeFrom\":\"2016-01-04\",\"activeUntil\":null,\"active\":true,"
            + "\"version\":0}";
    static final String COUNSELLOR_DEACTIVATED = "{\"id\":\"" + ExampleIds.COUNSELLOR + "\",\"structureId\":\"" + ExampleIds.STRUCTURE
            + "\",\"displayName\":\"Claire Dupont\",\"activeFrom\":\"2016-01-04\",\"activeUntil\":\"2016-09-30\","
            + "\"active\":false,\"version\":1}";
    static final String COUNSELLOR_PAGE = "{\"items\":[" + COUNSELLOR + "],\"total\":1,\"page\":0,\"size\":20}";
    static final String COUNSELLOR_DEACTIVATION = "{\"activeUntil\":\"2016-09-30\"}";
    static final String COUNSELLOR_RENAME = "{\"displayName\":\"Claire Dupont-Leroy\"}";
    static final String COUNSELLOR_REACTIVATION = "{\"activeUntil\":null}";

    // ---- beneficiaries
    static final String REGISTRATION = "{\"lastName\":\"Martin\",\"firstName\":\"Hélène\",\"birthDate\":\"1974-02-11\","
            + "\"sex\":\"FEMALE\",\"nir\":\"2 74 02 75 123 456 29\",\"franceTravailId\":\"1234567A\","
            + "\"contact\":{\"email\":\"helene.martin@example.fr\",\"phone\":\"0612345678\","
            + "\"address\":{\"street\":\"12 rue des Lilas\",\"postalCode\":\"75011\",\"city\":\"Paris\"}},"
            + "\"statusAtEntry\":\"JOB_SEEKER\",\"boeRecognition\":{\"type\":\"RQTH\",\"validFrom\":\"2015-06-01\","
            + "\"validUntil\":\"2020-05-31\"},\"qualificationLevel\":\"LEVEL_3\",\"inactivityMonths\":14,"
            + "\"orientationSource\":\"SPONTANEOUS\",\"entryDate\":\"2016-02-15\",\"referentCounsellorId\":\""
            + ExampleIds.COUNSELLOR + "\"}";
    static final String REFERRAL = "{\"structureId\":\"" + ExampleIds.STRUCTURE + "\",\"lastName\":\"Martin\","
            + "\"firstName\":\"Hélène\",\"birthDate\":\"1974-02-11\",\"sex\":\"FEMALE\",\"franceTravailId\":\"1234567A\","
            + "\"statusAtEntry\":\"JOB_SEEKER\",\"boeRecognition\":{\"type\":\"RQTH\"},\"orientationSource\":\"POLE_EMPLOI\","
            + "\"entryDate\":\"2016-02-15\"}";
    static final String RECEIPT = "{\"id\":\"" + ExampleIds.BENEFICIARY + "\"}";
    static final String BENEFICIARY = "{\"id\":\"" + ExampleIds.BENEFICIARY + "\",\"structureId\":\"" + ExampleIds.STRUCTURE + "\","
            + "\"state\":\"ACTIVE\",\"erased\":false,\"lastName\":\"Martin\",\"firstName\":\"Hélène\","
            + "\"birthDate\":\"1974-02-11\",\"birthYear\":1974,\"sex\":\"FEMALE\",\"nir\":\"274027512345629\","
            + "\"franceTravailId\":\"1234567A\",\"contact\":{\"email\":\"helene.martin@example.fr\","
            + "\"phone\":\"0612345678\",\"address\":{\"street\":\"12 rue des Lilas\",\"postalCode\":\"75011\","
            + "\"city\":\"Paris\"}},\"statusAtEntry\":\"JOB_SEEKER\",\"boe\":true,\"boeRecognition\":{\"type\":\"RQTH\","
            + "\"validFrom\":\"2015-06-01\",\"validUntil\":\"2020-05-31\"},\"qualificationLevel\":\"LEVEL_3\","
            + "\"inactivityMonths\":14,\"orientationSource\":\"SPONTANEOUS\",\"entryDate\":\"2016-02-15\","
            + "\"referentCounsellorId\":\"" + ExampleIds.COUNSELLOR + "\",\"version\":0}";
    static final String BENEFICIARY_EXITED = "{\"id\":\"" + ExampleIds.BENEFICIARY + "\",\"structureId\":\"" + ExampleIds.STRUCTURE
            + "\",\"state\":\"EXITED\",\"erased\":false,\"lastName\":\"Martin\",\"firstName\":\"Hélène\","
            + "\"birthDate\":\"1974-02-11\",\"birthYear\":1974,\"sex\":\"FEMALE\",\"statusAtEntry\":\"JOB_SEEKER\","
            + "\"boe\":true,\"boeRecognition\":{\"type\":\"RQTH\"},\"orientationSource\":\"POLE_EMPLOI\","
            + "\"entryDate\":\"2016-02-15\",\"referentCounsellorId\":\"" + ExampleIds.COUNSELLOR + "\","
            + "\"exitDate\":\"2017-04-28\",\"exitReason\":\"SUSTAINABLE_JOB\",\"version\":3}";
    static final String TOMBSTONE = "{\"id\":\"" + ExampleIds.BENEFICIARY + "\",\"structureId\":\"" + ExampleIds.STRUCTURE + "\","
            + "\"state\":\"ERASED\",\"erased\":true,\"birthYear\":1974,\"sex\":\"FEMALE\",\"statusAtEntry\":\"JOB_SEEKER\","
            + "\"boe\":true,\"qualificationLevel\":\"LEVEL_3\",\"inactivityMonths\":14,\"orientationSource\":\"POLE_EMPLOI\","
            + "\"entryDate\":\"2016-02-15\",\"referentCounsellorId\":\"" + ExampleIds.COUNSELLOR + "\",\"erasedOn\":\"2019-06-03\","
            + "\"version\":5}";
    static final String SUMMARY_PAGE = "{\"items\":[{\"id\":\"" + ExampleIds.BENEFICIARY + "\",\"structureId\":\"" + ExampleIds.STRUCTURE
            + "\",\"state\":\"ACTIVE\",\"lastName\":\"Martin\",\"firstName\":\"Hélène\",\"birthDate\":\"1974-02-11\","
            + "\"entryDate\":\"2016-02-15\",\"statusAtEntry\":\"JOB_SEEKER\",\"orientationSource\":\"POLE_EMPLOI\","
            + "\"referentCounsellorId\":\"" + ExampleIds.COUNSELLOR + "\"}],\"total\":1,\"page\":0,\"size\":20}";
    static final String PATCH_QUALIFICATION = "{\"qualificationLevel\":\"LEVEL_4\",\"inactivityMonths\":16}";
    static final String PATCH_CONTACT = "{\"contact\":{\"phone\":\"0698765432\",\"address\":null}}";
    static final String PATCH_REMOVE_NIR = "{\"nir\":null}";
    static final String SEARCH_BY_NIR = "{\"nir\":\"274027512345629\"}";
    static final String SEARCH_BY_NAME = "{\"name\":\"helene martin\",\"state\":\"ACTIVE\",\"page\":0,\"size\":20}";
    static final String REFERENT = "{\"counsellorId\":\"" + ExampleIds.COUNSELLOR + "\",\"assignedOn\":\"2016-10-03\"}";
    static final String EXIT = "{\"exitDate\":\"2017-04-28\",\"reason\":\"SUSTAINABLE_JOB\"}";

    // ---- consents and access log
    static final String CONSENT_REQUEST = "{\"scope\":\"HEALTH_DATA_PROCESSING\",\"givenOn\":\"2016-02-15\","
            + "\"modality\":\"SIGNED_FORM\"}";
    static final String CONSENT = "{\"id\":\"" + CONSENT_ID + "\",\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY + "\","
            + "\"scope\":\"HEALTH_DATA_PROCESSING\",\"givenOn\":\"2016-02-15\",\"modality\":\"SIGNED_FORM\","
            + "\"inForce\":true}";
    static final String WITHDRAWAL = "{\"withdrawnOn\":\"2018-11-05\",\"modality\":\"ELECTRONIC\"}";
    static final String CONSENT_WITHDRAWN = "{\"id\":\"" + CONSENT_ID + "\",\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY
            + "\",\"scope\":\"HEALTH_DATA_PROCESSING\",\"givenOn\":\"2016-02-15\",\"modality\":\"SIGNED_FORM\","
            + "\"inForce\":false,\"withdrawnOn\":\"2018-11-05\",\"withdrawalModality\":\"ELECTRONIC\"}";
    static final String CONSENT_LIST = "[" + CONSENT_WITHDRAWN + "]";
    static final String ACCESS_LOG = "{\"items\":[{\"at\":\"2016-02-15T09:14:02Z\",\"action\":\"READ\","
            + "\"callerName\":\"c.dupont@capemploi75.fr\",\"callerRole\":\"counsellor\",\"callerStructureId\":\""
            + ExampleIds.STRUCTURE + "\"},{\"at\":\"2016-02-15T09:13:10Z\",\"action\":\"RECORD_READ\","
            + "\"callerName\":\"c.dupont@capemploi75.fr\",\"callerRole\":\"counsellor\",\"callerStructureId\":\""
            + ExampleIds.STRUCTURE + "\",\"record\":\"cep-service/accompaniment/7d1c2a4e-5b6f-4c3d-9e8f-0a1b2c3d4e5f\"},"
            + "{\"at\":\"2016-02-15T09:12:40Z\",\"action\":\"CREATE\","
            + "\"callerName\":\"referral@francetravail.fr\",\"callerRole\":\"partner\"}],\"total\":3,\"page\":0,\"size\":50}";

    static final String RECORD_READ = "{\"service\":\"cep-service\",\"kind\":\"accompaniment\",\"recordId\":"
            + "\"7d1c2a4e-5b6f-4c3d-9e8f-0a1b2c3d4e5f\"}";

    // ---- errors
    static final String BAD_NIR = INVALID
            + "\"detail\":\"nir: has a control key that does not match the number\",\"instance\":\"/api/v1/beneficiaries\","
            + "\"violations\":[{\"field\":\"nir\",\"message\":\"has a control key that does not match the number\"}]}";
    static final String BAD_BIRTH_DATE = INVALID
            + "\"detail\":\"2 fields are invalid\",\"instance\":\"/api/v1/beneficiaries\",\"violations\":["
            + "{\"field\":\"birthDate\",\"message\":\"must be a past date\"},"
            + "{\"field\":\"orientationSource\",\"message\":\"must not be null\"}]}";
    static final String BAD_EXIT_DATE = INVALID
            + "\"detail\":\"exitDate: must not be before the entry date 2016-02-15\",\"instance\":\"/api/v1/"
            + "beneficiaries/" + ExampleIds.BENEFICIARY + "/exit\",\"violations\":[{\"field\":\"exitDate\","
            + "\"message\":\"must not be before the entry date 2016-02-15\"}]}";
    static final String BAD_ENUM = INVALID
            + "\"detail\":\"statusAtEntry: must be one of JOB_SEEKER, PRIVATE_EMPLOYEE, PUBLIC_SERVANT, OTHER\","
            + "\"instance\":\"/api/v1/beneficiaries\",\"violations\":[{\"field\":\"statusAtEntry\","
            + "\"message\":\"must be one of JOB_SEEKER, PRIVATE_EMPLOYEE, PUBLIC_SERVANT, OTHER\"}]}";
    static final String BAD_REFERENT = INVALID
            + "\"detail\":\"counsellorId: is not a counsellor of the beneficiary's structure\","
            + "\"instance\":\"/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "/referent\",\"violations\":[{\"field\":"
            + "\"counsellorId\",\"message\":\"is not a counsellor of the beneficiary's structure\"}]}";
    static final String BAD_PAGE_SIZE = INVALID
            + "\"detail\":\"size: must be less than or equal to 200\",\"instance\":\"/api/v1/beneficiaries\","
            + "\"violations\":[{\"field\":\"size\",\"message\":\"must be less than or equal to 200\"}]}";
    static final String BAD_RECORD_READ = INVALID
            + "\"detail\":\"kind: must match \\\"[a-z][a-z0-9-]{0,39}\\\"\",\"instance\":\"/api/v1/beneficiaries/"
            + ExampleIds.BENEFICIARY + "/access-log\",\"violations\":[{\"field\":\"kind\",\"message\":"
            + "\"must match \\\"[a-z][a-z0-9-]{0,39}\\\"\"}]}";
    static final String BAD_ACTIVE_UNTIL = INVALID
            + "\"detail\":\"activeUntil: must not be before activeFrom 2016-01-04\",\"instance\":"
            + "\"/api/v1/counsellors/" + ExampleIds.COUNSELLOR + "\",\"violations\":[{\"field\":\"activeUntil\","
            + "\"message\":\"must not be before activeFrom 2016-01-04\"}]}";
    static final String BAD_WITHDRAWAL = INVALID
            + "\"detail\":\"withdrawnOn: must not be before the day the consent was given, 2016-02-15\","
            + "\"instance\":\"/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "/consents/" + CONSENT_ID + "/withdrawal\","
            + "\"violations\":[{\"field\":\"withdrawnOn\",\"message\":\"must not be before the day the consent was "
            + "given, 2016-02-15\"}]}";
    static final String BENEFICIARY_NOT_FOUND = NOT_FOUND
            + "\"detail\":\"" + "Beneficiary " + ExampleIds.BENEFICIARY + " was not found"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "\"}";
    static final String COUNSELLOR_NOT_FOUND = NOT_FOUND
            + "\"detail\":\"" + "Counsellor " + ExampleIds.COUNSELLOR + " was not found"
            + "\",\"instance\":\"" + "/api/v1/counsellors/" + ExampleIds.COUNSELLOR + "\"}";
    static final String STRUCTURE_NOT_FOUND = NOT_FOUND
            + "\"detail\":\"" + "Structure " + ExampleIds.STRUCTURE + " was not found"
            + "\",\"instance\":\"" + "/api/v1/structures/" + ExampleIds.STRUCTURE + "\"}";
    static final String CONSENT_NOT_FOUND = NOT_FOUND
            + "\"detail\":\"" + "Consent " + CONSENT_ID + " was not found"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "/consents/"
                    + CONSENT_ID + "/withdrawal" + "\"}";
    static final String NIR_TAKEN = CONFLICT
            + "\"detail\":\"" + "A beneficiary with this NIR is already registered in this structure"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries" + "\"}";
    static final String ALREADY_EXITED = CONFLICT
            + "\"detail\":\"" + "Beneficiary " + ExampleIds.BENEFICIARY + " already exited on 2017-04-28"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "/exit" + "\"}";
    static final String EXITED_NO_REFERENT = CONFLICT
            + "\"detail\":\"" + "Beneficiary " + ExampleIds.BENEFICIARY + " exited on 2017-04-28: an exited person is in no portfolio"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "/referent" + "\"}";
    static final String CONSENT_IN_FORCE = CONFLICT
            + "\"detail\":\"" + "A HEALTH_DATA_PROCESSING consent is already in force; withdraw it before recording a new one"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "/consents" + "\"}";
    static final String CONSENT_ALREADY_WITHDRAWN = CONFLICT
            + "\"detail\":\"" + "Consent " + CONSENT_ID + " was already withdrawn on 2018-11-05"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "/consents/" + CONSENT_ID + "/withdrawal" + "\"}";
    static final String IDENTITY = "{\"id\":\"" + ExampleIds.BENEFICIARY + "\",\"structureId\":\"" + ExampleIds.STRUCTURE
            + "\",\"sex\":\"FEMALE\",\"lastName\":\"Martin\",\"firstName\":\"Hélène\",\"birthDate\":\"1974-02-11\"}";
    static final String IDENTITY_GONE = ERASED
            + "\"detail\":\"Beneficiary " + ExampleIds.BENEFICIARY + " was erased; there is no identity left to show\","
            + "\"instance\":\"/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "/identity\"}";
    static final String GONE = ERASED
            + "\"detail\":\"" + "Beneficiary " + ExampleIds.BENEFICIARY + " was erased; its record can no longer be changed"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "\"}";
    static final String STALE = PRECONDITION_FAILED
            + "\"detail\":\"" + "The beneficiary changed since you read it (current ETag \\\"4\\\"); read it again and reapply your change"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "\"}";
    static final String COUNSELLOR_STALE = PRECONDITION_FAILED
            + "\"detail\":\"" + "The counsellor changed since you read it (current ETag \\\"2\\\"); read it again and reapply your change"
            + "\",\"instance\":\"" + "/api/v1/counsellors/" + ExampleIds.COUNSELLOR + "\"}";
    static final String IF_MATCH_MISSING = "{\"type\":\"" + PROBLEMS + "precondition-required\",\"title\":\"Precondition required\",\"status\":428,"
            + "\"detail\":\"" + "Send If-Match with the ETag of the beneficiary you edit, so that a concurrent change is not overwritten"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries/" + ExampleIds.BENEFICIARY + "\"}";
    static final String KEY_REUSED = "{\"type\":\"" + PROBLEMS + "idempotency-key-reused\",\"title\":\"Idempotency-Key reused\",\"status\":422,"
            + "\"detail\":\"" + "This Idempotency-Key was already used for a different request; use a new key for a new request"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries" + "\"}";
    static final String OTHER_STRUCTURE = "{\"type\":\"" + PROBLEMS + "forbidden\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"" + "Your role may register beneficiaries in your own structure only"
            + "\",\"instance\":\"" + "/api/v1/beneficiaries" + "\"}";
}
