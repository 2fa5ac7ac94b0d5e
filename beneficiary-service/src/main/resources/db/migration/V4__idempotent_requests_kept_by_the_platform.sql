-- The Idempotency-Keys of this service's POSTs are kept by the platform (idempotent_response, by reference for the
-- answers that carry personal data: platform V0_6), as in cep-service and cpf-service. A key given before this
-- migration is not recognised after it: its retry is a new request.
DROP TABLE idempotent_request;
