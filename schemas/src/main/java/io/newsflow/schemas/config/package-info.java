/**
 * Raw settings from which each service builds its immutable, validated configuration record. {@link
 * io.newsflow.schemas.config.Settings} is single-threaded and read once at start; the records built from it are
 * immutable.
 */
package io.newsflow.schemas.config;
