package org.latentlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The trainer's input tensors, on two direct buffers allocated once and reused every step.
 *
 * <p>Why: {@code NDManager.create(float[])} copies into a new direct buffer per call, which libtorch
 * then reads in place; those buffers are freed only when the JVM collects their wrappers (native
 * memory that waits for a garbage collection). Two buffers of our own, 64-byte aligned as
 * libtorch aligns its tensors, are overwritten each step instead. The tensors made here alias the
 * buffers, so they must not outlive the step (the trainer closes the step's manager).
 */
final class StepInput {
    private static final int ALIGNMENT = 64;
    private final ByteBuffer x;
    private final ByteBuffer z;
    private ByteBuffer shiftedX; // allocated on first use: only the x-cycle shift needs it
    private final Shape xShape;
    private final Shape zShape;

    StepInput(Shape xShape, Shape zShape) {
        this.xShape = xShape;
        this.zShape = zShape;
        this.x = aligned(xShape.size());
        this.z = aligned(zShape.size());
    }

    /** {x (xShape), z (zShape)} in {@code m}, holding copies of {@code xs} and {@code zs}. */
    NDArray[] wrap(NDManager m, float[] xs, float[] zs) {
        return new NDArray[] {fill(m, x, xs, xShape), fill(m, z, zs, zShape)};
    }

    /** A second image batch of xShape (the shifted copy of x), on its own reused buffer. */
    NDArray wrapShifted(NDManager m, float[] xs) {
        if (shiftedX == null) {
            shiftedX = aligned(xShape.size());
        }
        return fill(m, shiftedX, xs, xShape);
    }

    private static NDArray fill(NDManager m, ByteBuffer buffer, float[] values, Shape shape) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("expected " + shape.size() + " values for " + shape + ", got "
                    + values.length);
        }
        buffer.asFloatBuffer().put(values);
        return m.create(buffer, shape, DataType.FLOAT32);
    }

    private static ByteBuffer aligned(long floats) {
        int bytes = Math.toIntExact(floats * Float.BYTES);
        return ByteBuffer.allocateDirect(bytes + ALIGNMENT).alignedSlice(ALIGNMENT).limit(bytes).slice()
                .order(ByteOrder.nativeOrder());
    }
}
