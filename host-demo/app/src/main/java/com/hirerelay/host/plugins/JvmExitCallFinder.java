package com.hirerelay.host.plugins;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds calls that end the JVM in a class file: references in its constant pool to
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}. Every call a class makes, and every
 * method handle it takes, is such a reference, so a plugin whose classes have none cannot call these
 * methods directly. Reflection ({@code Method.invoke} on a name built at run time) is not seen: this is a
 * guard against accidents and careless libraries, not a sandbox (see the README on plugin isolation).
 *
 * <p>Reads only the constant pool, from a stream, without loading the class. It runs on every class of every
 * plugin jar at each start (thousands of classes, mostly before the JIT compiled anything), so it reads through
 * a buffer and compares only the names whose length could match, skipping the other names' bytes.
 */
final class JvmExitCallFinder {

    /** A class file names a class by its binary name, such as java/lang/System. */
    private static final byte[] SYSTEM = bytes("java/lang/System");

    private static final byte[] RUNTIME = bytes("java/lang/Runtime");
    private static final byte[] EXIT = bytes("exit");
    private static final byte[] HALT = bytes("halt");
    private static final int LONGEST =
            Math.max(Math.max(SYSTEM.length, RUNTIME.length), Math.max(EXIT.length, HALT.length));

    private static final int OTHER = 0;
    private static final int IS_SYSTEM = 1;
    private static final int IS_RUNTIME = 2;
    private static final int IS_EXIT = 3;
    private static final int IS_HALT = 4;

    private JvmExitCallFinder() {}

    /**
     * @param classFile a class file's bytes, from its start
     * @return the JVM-ending methods it refers to, such as {@code java.lang.System.exit}; empty when none
     * @throws IOException when the stream ends early or is not a class file
     */
    static Set<String> find(InputStream classFile) throws IOException {
        // One byte at a time through the jar's inflater costs several calls per byte; a buffer reads it in blocks.
        DataInputStream in = new DataInputStream(new BufferedInputStream(classFile, 8192));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        byte[] tags = new byte[count];
        int[] first = new int[count];
        int[] second = new int[count];
        byte[] text = new byte[LONGEST];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = (byte) tag;
            switch (tag) {
                case 1 -> { // Utf8: remember only whether it is one of the names we look for
                    int length = in.readUnsignedShort();
                    if (couldMatch(length)) {
                        in.readFully(text, 0, length);
                        first[i] = classify(text, length);
                    } else {
                        in.skipNBytes(length);
                    }
                }
                case 3, 4 -> in.skipNBytes(4);
                case 5, 6 -> { // a long or double takes two slots
                    in.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    first[i] = in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        Set<String> found = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] != 10 && tags[i] != 11) {
                continue; // only method references can call
            }
            int owner = utf8(tags, first, first[i], 7);
            int name = utf8(tags, first, second[i], 12);
            if (owner == IS_SYSTEM && name == IS_EXIT) {
                found.add("java.lang.System.exit");
            } else if (owner == IS_RUNTIME && name == IS_EXIT) {
                found.add("java.lang.Runtime.exit");
            } else if (owner == IS_RUNTIME && name == IS_HALT) {
                found.add("java.lang.Runtime.halt");
            }
        }
        return found;
    }

    /** Follows a Class (tag 7) or NameAndType (tag 12) entry to the Utf8 name it points at. */
    private static int utf8(byte[] tags, int[] first, int index, int expectedTag) {
        if (index <= 0 || index >= tags.length || tags[index] != expectedTag) {
            return OTHER;
        }
        int nameIndex = first[index];
        if (nameIndex <= 0 || nameIndex >= tags.length || tags[nameIndex] != 1) {
            return OTHER;
        }
        return first[nameIndex];
    }

    private static boolean couldMatch(int length) {
        return length == SYSTEM.length || length == RUNTIME.length || length == EXIT.length || length == HALT.length;
    }

    private static int classify(byte[] text, int length) {
        if (matches(text, length, SYSTEM)) {
            return IS_SYSTEM;
        } else if (matches(text, length, RUNTIME)) {
            return IS_RUNTIME;
        } else if (matches(text, length, EXIT)) {
            return IS_EXIT;
        } else if (matches(text, length, HALT)) {
            return IS_HALT;
        }
        return OTHER;
    }

    private static boolean matches(byte[] text, int length, byte[] expected) {
        return length == expected.length && Arrays.equals(text, 0, length, expected, 0, length);
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
