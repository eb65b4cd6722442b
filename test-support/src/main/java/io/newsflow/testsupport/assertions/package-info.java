/**
 * AssertJ domain assertions for newsflow's records. Stateless apart from the value under test; use one per assertion
 * chain.
 */
package io.newsflow.testsupport.assertions;
