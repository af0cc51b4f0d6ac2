package se.lefi.domain.audit;

import java.lang.reflect.Field;

/** Tampering, for tests: sets a private field of a record or seal (or of a class it extends) behind its back. */
public final class Fields {
    private Fields() {
    }

    public static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field f = type.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(field);
    }
}
