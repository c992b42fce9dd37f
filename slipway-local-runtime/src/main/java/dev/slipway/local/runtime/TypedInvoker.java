package dev.slipway.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;

/** A {@code RequestHandler}-style method: the event type is the first parameter's, the most specific one. */
final class TypedInvoker implements Bootstrap.Invoker {

    private final Object instance;
    private final Method method;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;

    private TypedInvoker(Object instance, Method method, PojoSerializer<Object> input, PojoSerializer<Object> output) {
        this.instance = instance;
        this.method = method;
        this.input = input;
        this.output = output;
    }

    static TypedInvoker of(Object instance, String name) {
        Method chosen = null;
        for (Method m : instance.getClass().getMethods()) {
            if (!m.getName().equals(name) || m.isBridge() || m.getParameterCount() != 2) continue;
            if (!Context.class.isAssignableFrom(m.getParameterTypes()[1])) continue;
            if (chosen == null || chosen.getParameterTypes()[0].isAssignableFrom(m.getParameterTypes()[0])) chosen = m;
        }
        if (chosen == null) {
            throw new IllegalArgumentException(
                    instance.getClass().getName() + " has no method " + name + "(event, Context)");
        }
        return new TypedInvoker(
                instance, chosen, serializer(chosen.getParameterTypes()[0]), serializer(chosen.getReturnType()));
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type) {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    @Override
    public byte[] invoke(byte[] event, Context context) throws Exception {
        Object value = input.fromJson(new ByteArrayInputStream(event));
        Object result = method.invoke(instance, value, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (method.getReturnType() != void.class) output.toJson(result, out);
        return out.toByteArray();
    }
}
