package io.streamingdata.msk.forwarder;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Native twin of the partial batch response tests ({@code ./mvnw verify -Pnative}). */
@QuarkusIntegrationTest
class PartialBatchResponseIT extends PartialBatchResponseTest {}
