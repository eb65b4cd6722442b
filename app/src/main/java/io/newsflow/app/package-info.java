/**
 * The {@code newsflow} command: picocli commands that wire configuration into the services of the other modules and
 * print for people. No enrichment, storage or Kafka logic of its own lives here.
 *
 * <p>Standard output carries only what the command was asked to print (articles, JSON lines); logs and progress go to
 * standard error, so {@code newsflow demo --json | jq} works.
 */
package io.newsflow.app;
