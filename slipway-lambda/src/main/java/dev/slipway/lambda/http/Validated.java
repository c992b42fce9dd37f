package dev.slipway.lambda.http;

import java.util.List;

/** A request body that checks itself after binding; each problem names the field, e.g. {@code email: ...}. */
public interface Validated {

    /** The problems found; empty when the value is acceptable. */
    List<String> validate();
}
