package dev.syssim.sim.container;

/** An image reference split as Docker splits it: {@code alpine} is {@code alpine:latest}. */
public record Reference(String repository, String tag) {

    public static Reference parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon > 0 && !text.substring(colon).contains("/")) return new Reference(text.substring(0, colon), text.substring(colon + 1));
        return new Reference(text, "latest");
    }

    @Override
    public String toString() {
        return repository + ":" + tag;
    }
}
