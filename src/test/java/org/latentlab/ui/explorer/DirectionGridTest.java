package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.engine.Direction;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Direction sliders line up whatever their names' lengths (Fashion-MNIST's "toward Ankle boot" beside "PC1"). */
@ExtendWith(ApplicationExtension.class)
class DirectionGridTest {
    private GridPane grid;

    @Start
    void start(Stage stage) {
        grid = DirectionGrid.of(List.of(new DirectionAmount(new Direction("PC1", "principal", new float[2])),
                new DirectionAmount(new Direction("toward Ankle boot", "class", new float[2])),
                new DirectionAmount(new Direction("mine", DerivedViews.YOURS, new float[2]))), d -> {});
        stage.setScene(new Scene(grid, 340, 80));
        stage.show();
    }

    @Test
    void slidersStartAtOneColumnWhateverTheirNames(FxRobot robot) {
        List<Slider> sliders = robot.lookup(n -> n instanceof Slider).queryAllAs(Slider.class).stream().toList();
        assertEquals(3, sliders.size());
        assertEquals(sliders.get(0).getBoundsInParent().getMinX(), sliders.get(1).getBoundsInParent().getMinX(), 0.5);
        assertEquals(sliders.get(0).getWidth(), sliders.get(1).getWidth(), 0.5);
        // Beside a direction of the user's (its × takes a column) the names stay whole; the sliders give way.
        for (Label name : robot.lookup(n -> n instanceof Label l && !(l.getParent() instanceof Slider))
                .queryAllAs(Label.class)) {
            Text shown = (Text) name.lookup(".text");
            if (shown != null && name.getText().startsWith("toward")) {
                assertEquals(name.getText(), shown.getText(), "a direction's name is cut");
            }
        }
    }
}
