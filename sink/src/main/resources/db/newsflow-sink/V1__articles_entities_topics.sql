-- newsflow sink schema, version 1.
-- Written once for SQLite and PostgreSQL: only types and syntax both understand.
-- Timestamps are BIGINT milliseconds since the epoch (UTC), exactly Avro's timestamp-millis,
-- so nothing is lost or shifted by a driver's time-zone handling.

CREATE TABLE articles (
    article_id          VARCHAR(200)     NOT NULL PRIMARY KEY,
    source              TEXT             NOT NULL,
    url                 TEXT,
    title               TEXT             NOT NULL,
    lede                TEXT,
    body                TEXT             NOT NULL,
    language            VARCHAR(35)      NOT NULL,
    language_confidence DOUBLE PRECISION NOT NULL,
    published_at        BIGINT,
    ingested_at         BIGINT           NOT NULL,
    enriched_at         BIGINT           NOT NULL,
    fingerprint_sha256  VARCHAR(64)      NOT NULL,
    simhash             BIGINT           NOT NULL,
    enrichment_version  TEXT             NOT NULL,
    kb_version          TEXT             NOT NULL,
    taxonomy_version    TEXT             NOT NULL,
    kafka_topic         TEXT             NOT NULL,
    kafka_partition     INTEGER          NOT NULL,
    kafka_offset        BIGINT           NOT NULL
);

CREATE INDEX articles_published_at ON articles (published_at);
CREATE INDEX articles_fingerprint ON articles (fingerprint_sha256);

CREATE TABLE article_entities (
    article_id    VARCHAR(200)     NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    entity_id     VARCHAR(200)     NOT NULL,
    type          VARCHAR(20)      NOT NULL,
    name          TEXT             NOT NULL,
    mention_count INTEGER          NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);

CREATE INDEX article_entities_entity ON article_entities (entity_id);

CREATE TABLE article_topics (
    article_id VARCHAR(200)     NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    topic_id   VARCHAR(200)     NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, topic_id)
);

CREATE INDEX article_topics_topic ON article_topics (topic_id);
