package org.latentlab.ui.explorer;

import org.latentlab.latent.LatentText;

/** The explorer's z as text: copied to the clipboard, pasted back, or one value typed into a dimension's field. */
public final class LatentTextInput {
    private final ExplorerViewModel vm;

    LatentTextInput(ExplorerViewModel vm) {
        this.vm = vm;
    }

    /** The z shown (directions applied) as text. */
    public String copyText() {
        return LatentText.format(vm.effectiveZ());
    }

    /** The z copied to the clipboard: say so, since copying shows nothing else. */
    public void copied() {
        vm.say("Copied z (" + vm.dims().size() + " values) to the clipboard: Paste z takes it back.");
    }

    /** Loads z from text; returns false and says why when the text is not a valid z. */
    public boolean pasteText(String text) {
        try {
            vm.setZ(LatentText.parse(text, vm.dims().size(), vm.bound()));
            vm.say("Pasted a latent vector.");
            return true;
        } catch (IllegalArgumentException e) {
            vm.say(e.getMessage());
            return false;
        }
    }

    /** Sets one dimension from typed text; returns false and says why on bad input. */
    public boolean setDimText(int index, String text) {
        float bound = vm.bound();
        try {
            vm.dims().get(index).set(LatentText.parseValue(text, bound));
            if (LatentText.parseValue(text, bound) != LatentText.parseUnclamped(text)) {
                vm.say(LatentText.clampedNote(index, text, bound));
            }
            return true;
        } catch (IllegalArgumentException e) {
            vm.say(e.getMessage());
            return false;
        }
    }
}
