package org.latentlab.ui.common;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Tool windows beside the main one (the walk, the checkpoint comparison), one of each, in its style. */
public final class OwnedWindows {
    private OwnedWindows() {}

    /**
     * Shows the window titled {@code title} owned by {@code owner}'s window, bringing it to the
     * front if it is open, else making it of {@code content} at {@code width} × {@code height};
     * {@code onHidden} runs when it closes.
     */
    public static void show(Node owner, String title, Supplier<Parent> content, double width, double height,
            Runnable onHidden) {
        Window main = owner.getScene().getWindow();
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage st && title.equals(st.getTitle()) && st.getOwner() == main) {
                st.toFront();
                return;
            }
        }
        Scene scene = new Scene(content.get(), width, height);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        Stage stage = new Stage();
        stage.initOwner(main);
        stage.setTitle(title);
        stage.setScene(scene);
        stage.setOnHidden(e -> onHidden.run());
        stage.show();
    }
}
