-- One database per service: no service reads another's data.
CREATE DATABASE beneficiary;
CREATE DATABASE cep;
CREATE DATABASE cpf;
CREATE DATABASE reporting;
