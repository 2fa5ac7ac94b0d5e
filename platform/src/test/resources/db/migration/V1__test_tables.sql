CREATE TABLE widget (
    id   UUID PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE widget_count (
    region TEXT PRIMARY KEY,
    registered BIGINT NOT NULL
);
