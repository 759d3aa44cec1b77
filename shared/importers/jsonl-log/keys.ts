// The field names JSON loggers use (pino, bunyan, zap, logrus, winston, ECS, OpenTelemetry), most common first.

export const TIME_KEYS = ['ts', 'time', 'timestamp', '@timestamp', 'Timestamp', 'datetime', 'date', 't'];
export const LEVEL_KEYS = ['level', 'severity', 'lvl', 'log.level', 'severity_text', 'SeverityText', 'loglevel'];
export const MESSAGE_KEYS = ['msg', 'message', 'log', 'text', 'body', 'Body', 'event'];
export const SERVICE_KEYS = ['service', 'service.name', 'service_name', 'serviceName', 'app', 'application', 'component'];
export const TRACE_KEYS = ['trace_id', 'traceId', 'trace.id', 'traceID', 'TraceId'];
export const SPAN_KEYS = ['span_id', 'spanId', 'span.id', 'spanID', 'SpanId'];
