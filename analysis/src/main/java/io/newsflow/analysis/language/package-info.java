/**
 * Language identification over a fixed, small set of languages (Lingua). Built once; {@code identify} is
 * thread-safe and never returns {@code null}: short or unrecognisable text gives {@code "und"} with confidence 0.
 * Imports the JDK, Lingua and the root API package only.
 */
package io.newsflow.analysis.language;
