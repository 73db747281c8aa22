package org.latentlab.ui.explorer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.engine.ModelInfo;
import org.latentlab.explore.ExplorerSession;

/** The explorer's state as an {@link ExplorerSession}, and back: what File → Save session keeps. */
public final class SessionState {
    private final ExplorerViewModel vm;
    private final DerivedViews derived;
    private final Gallery gallery;

    SessionState(ExplorerViewModel vm, DerivedViews derived, Gallery gallery) {
        this.vm = vm;
        this.derived = derived;
        this.gallery = gallery;
    }

    /** The explorer's state, to save as a session; null (and a message) for a model not saved to a folder yet. */
    public ExplorerSession capture() {
        ModelInfo info = vm.modelProperty().get();
        if (info == null || info.source() == null) {
            vm.say("Save the model as a checkpoint first: a session names the model's folder.");
            return null;
        }
        Map<String, Double> amounts = new LinkedHashMap<>();
        vm.directions().forEach(d -> amounts.put(d.name(), d.amountProperty().get()));
        RandomizeSource from = vm.randomizeSource();
        return new ExplorerSession(info.source(), vm.rawZ(), amounts,
                gallery.items().stream().map(ExplorerViewModel.Remembered::z).toList(), derived.yours(),
                vm.walk().settings(), !from.usesDensityProperty().get(), from.temperatureProperty().get());
    }

    /**
     * Restores a session's state on the model now shown (the caller loaded the session's model);
     * false, and the explorer's message says why, when the session does not fit the model.
     */
    public boolean restore(ExplorerSession s) {
        int zdim = vm.dims().size();
        if (s.zdim() != zdim) {
            vm.say("The session's latent vectors have " + s.zdim() + " values; this model's have " + zdim + ".");
            return false;
        }
        derived.setYours(s.directions());
        List<float[]> kept = s.gallery().subList(0, Math.min(s.gallery().size(), Gallery.LIMIT)); // as the gallery
        gallery.replace(kept);
        vm.showGallery(kept);
        vm.walk().restore(s.walk());
        vm.randomizeSource().restore(s.fromPrior(), s.temperature());
        vm.setHome(s.z());
        vm.setZ(s.z());
        derived.setAmounts(s.amounts());
        return true;
    }
}
