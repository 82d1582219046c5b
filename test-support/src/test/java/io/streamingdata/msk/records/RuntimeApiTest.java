package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RuntimeApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void handsOutTheEventTheGivenNumberOfTimesAndTimesEachAnswer() throws Exception {
        byte[] event = "{\"records\":{}}".getBytes(StandardCharsets.UTF_8);
        try (RuntimeApi api = new RuntimeApi(event, 2, "f")) {
            String base = "http://" + api.address() + "/2018-06-01/runtime/invocation/";
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> next = http.send(
                        HttpRequest.newBuilder(URI.create(base + "next")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("{\"records\":{}}", next.body());
                String id = next.headers()
                        .firstValue("Lambda-Runtime-Aws-Request-Id")
                        .orElseThrow();
                assertTrue(
                        next.headers().firstValue("Lambda-Runtime-Deadline-Ms").isPresent());
                String outcome = i == 0 ? "/response" : "/error";
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(base + id + outcome))
                                .POST(HttpRequest.BodyPublishers.ofString("ok" + i))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, answer.statusCode());
            }
            assertTrue(api.awaitAnswers(5, TimeUnit.SECONDS));
            assertEquals("response ok0", api.answer(0));
            assertEquals("error ok1", api.answer(1));
            assertTrue(api.duration(0) > 0 && api.firstPoll() > 0);
            // a third poll finds no work and stays open, as the real Runtime API's does
            assertThrows(
                    HttpTimeoutException.class,
                    () -> http.send(
                            HttpRequest.newBuilder(URI.create(base + "next"))
                                    .timeout(Duration.ofMillis(300))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
        }
    }

    /** Paced, a poll stays open until the benchmark lets one invocation go, and each release lets exactly one go. */
    @Test
    void aPacedApiHandsOutOneInvocationPerRelease() throws Exception {
        byte[] event = "{\"records\":{}}".getBytes(StandardCharsets.UTF_8);
        try (RuntimeApi api = new RuntimeApi(event, 2, "f", true)) {
            String base = "http://" + api.address() + "/2018-06-01/runtime/invocation/";
            HttpRequest next = HttpRequest.newBuilder(URI.create(base + "next")).build();
            for (int i = 0; i < 2; i++) {
                CompletableFuture<HttpResponse<String>> poll =
                        http.sendAsync(next, HttpResponse.BodyHandlers.ofString());
                Thread.sleep(300);
                assertFalse(poll.isDone(), "poll " + i + " was answered before its release");
                assertTrue(api.firstPoll() > 0, "a poll that waits for its turn still counts as the first poll");
                api.release();
                HttpResponse<String> handedOut = poll.get(5, TimeUnit.SECONDS);
                assertEquals(
                        Integer.toString(i),
                        handedOut
                                .headers()
                                .firstValue("Lambda-Runtime-Aws-Request-Id")
                                .orElseThrow());
                assertFalse(api.awaitAnswer(i, 100, TimeUnit.MILLISECONDS), "not answered yet");
                http.send(
                        HttpRequest.newBuilder(URI.create(base + i + "/response"))
                                .POST(HttpRequest.BodyPublishers.ofString("ok"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(api.awaitAnswer(i, 5, TimeUnit.SECONDS));
                assertEquals("response ok", api.answer(i));
            }
        }
    }

    @Test
    void onlyAPacedApiTakesReleases() throws Exception {
        try (RuntimeApi api = new RuntimeApi(new byte[] {'{', '}'}, 1, "f")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, api::release);
            assertTrue(refused.getMessage().contains("not paced"), refused.getMessage());
        }
    }

    /** An init error ends the wait for every answer and for one answer alike, and is kept. */
    @Test
    void anInitErrorEndsTheWaitAtOnce() throws Exception {
        try (RuntimeApi api = new RuntimeApi(new byte[] {'{', '}'}, 1, "f", true)) {
            http.send(
                    HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime/init/error"))
                            .POST(HttpRequest.BodyPublishers.ofString("boom"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long started = System.nanoTime();
            assertFalse(api.awaitAnswers(30, TimeUnit.SECONDS));
            assertFalse(api.awaitAnswer(0, 30, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
            assertEquals("boom", api.initError());
        }
    }
}
