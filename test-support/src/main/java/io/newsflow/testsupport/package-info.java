/**
 * Test support shared by every module's tests: the real local stack as a JUnit extension ({@code stack}), test-data
 * builders ({@code builders}) and domain assertions ({@code assertions}). Test scope only: no production module
 * depends on it.
 */
package io.newsflow.testsupport;
