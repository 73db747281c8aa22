package org.latentlab.ui.explorer;

import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.GridCell;

/** A gallery image: click recalls its z; the menu removes it or puts it in a direction's group. */
final class GalleryCell extends GridCell<ExplorerViewModel.Remembered> {
    private final ImageView view = new ImageView();

    /** A cell of {@code vm}'s gallery; {@code selected} hears the item clicked last (Delete removes it). */
    GalleryCell(ExplorerViewModel vm, Consumer<ExplorerViewModel.Remembered> selected) {
        view.setFitWidth(52);
        view.setFitHeight(52);
        view.setSmooth(false);
        MenuItem remove = new MenuItem("Remove from gallery");
        remove.setOnAction(e -> vm.forget(getItem()));
        MenuItem toA = new MenuItem("Add to group A (a direction's start)");
        toA.setOnAction(e -> vm.directionMaker().add(DirectionMaker.Group.A, getItem().z()));
        MenuItem toB = new MenuItem("Add to group B (where it points)");
        toB.setOnAction(e -> vm.directionMaker().add(DirectionMaker.Group.B, getItem().z()));
        ContextMenu menu = new ContextMenu(remove, toA, toB);
        setOnMouseClicked(e -> {
            if (getItem() != null && e.getButton() == MouseButton.PRIMARY) {
                selected.accept(getItem());
                vm.recall(getItem());
            } else if (getItem() != null && e.getButton() == MouseButton.SECONDARY && !menu.isShowing()) {
                menu.show(this, e.getScreenX(), e.getScreenY()); // where no menu event comes (Monocle)
            }
        });
        setOnContextMenuRequested(e -> {
            if (getItem() != null) {
                menu.show(this, e.getScreenX(), e.getScreenY());
            }
        });
    }

    @Override
    protected void updateItem(ExplorerViewModel.Remembered item, boolean empty) {
        super.updateItem(item, empty);
        view.setImage(empty || item == null ? null : item.thumbnail());
        setGraphic(empty ? null : view);
    }
}
