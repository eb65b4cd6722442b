/**
 * Raw settings from which each service builds its immutable, validated configuration record. {@link
 * io.newsflow.schemas.config.Settings} is single-threaded and read once at start; the records built from it are
 * immutable. Each key is defined once, as a {@link io.newsflow.schemas.config.Setting} constant of the record that
 * reads it (shared keys in {@link io.newsflow.schemas.config.CommonSettings}); definitions are immutable.
 */
package io.newsflow.schemas.config;
