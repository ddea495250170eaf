package dev.syssim.kernel.display;

/**
 * A message the evaluator should send: {@code display_data} (when {@code update} is false) or
 * {@code update_display_data} of the display with {@code displayId}.
 */
public record DisplayUpdate(DisplayBundle bundle, String displayId, boolean update) {
}
