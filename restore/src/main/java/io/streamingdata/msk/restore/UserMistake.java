package io.streamingdata.msk.restore;

/** Something the user can fix (a flag, the window, the bucket, the broker): the message says what and how. */
final class UserMistake extends RuntimeException {

    UserMistake(String message) {
        super(message);
    }

    UserMistake(String message, Throwable cause) {
        super(message, cause);
    }
}
