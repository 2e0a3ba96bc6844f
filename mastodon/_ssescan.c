/* Optional C implementation of the line scanning in mastodon/streaming/sse.py.
 *
 * SSEScanner(max_size).feed(chunk) parses the bytes of a text/event-stream exactly as the
 * pure-Python SSEParser does and returns what the chunk completed, in order, as a list:
 *   (name, data)  an event: name is the raw bytes of its "event:" field or None, data the
 *                 bytes of its data lines joined with "\n", or None when it had none;
 *   None          a comment line (a heartbeat);
 *   str           an error (a line or an event over max_size); always the last item.
 * The caller decodes names and calls its callbacks, so the per-line work stays in C and
 * the per-event work is one tuple. Tests compare both parsers on generated streams.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    PyObject *pending;        /* list of the pieces of an unfinished line */
    Py_ssize_t pending_size;
    PyObject *event;          /* bytes of the current event's name, or NULL */
    PyObject *data;           /* bytes (one data line) or a list of them, or NULL */
    Py_ssize_t size;          /* bytes in data once it is a list */
    Py_ssize_t max;
} SSEScanner;

static void
forget_event(SSEScanner *self)
{
    Py_CLEAR(self->event);
    Py_CLEAR(self->data);
}

static int
clear_pending(SSEScanner *self)
{
    self->pending_size = 0;
    return PyList_SetSlice(self->pending, 0, PyList_GET_SIZE(self->pending), NULL);
}

/* separator.join(pieces) for a list of bytes. */
static PyObject *
join_bytes(const char *separator, Py_ssize_t length, PyObject *pieces)
{
    PyObject *sep = PyBytes_FromStringAndSize(separator, length);
    if (sep == NULL) {
        return NULL;
    }
    PyObject *joined = PyObject_CallMethod(sep, "join", "O", pieces);
    Py_DECREF(sep);
    return joined;
}

/* Append the finished event to out; 0 on success. */
static int
emit_event(SSEScanner *self, PyObject *out)
{
    PyObject *payload;
    if (self->data == NULL) {
        payload = Py_NewRef(Py_None);
    }
    else if (PyList_CheckExact(self->data)) {
        payload = join_bytes("\n", 1, self->data);
        if (payload == NULL) {
            return -1;
        }
    }
    else {
        payload = Py_NewRef(self->data);
    }
    PyObject *item = PyTuple_Pack(2, self->event != NULL ? self->event : Py_None, payload);
    Py_DECREF(payload);
    if (item == NULL) {
        return -1;
    }
    forget_event(self);
    int failed = PyList_Append(out, item);
    Py_DECREF(item);
    return failed;
}

static int
emit_error(PyObject *out, const char *message, Py_ssize_t limit)
{
    PyObject *text = PyUnicode_FromFormat(message, limit);
    if (text == NULL) {
        return -1;
    }
    int failed = PyList_Append(out, text);
    Py_DECREF(text);
    return failed;
}

/* Add one data line's value to the current event: 0, 1 (over the limit), -1 (error). */
static int
add_data(SSEScanner *self, const char *value, Py_ssize_t length)
{
    if (length > self->max) {
        return 1;
    }
    PyObject *piece = PyBytes_FromStringAndSize(value, length);
    if (piece == NULL) {
        return -1;
    }
    if (self->data == NULL) {
        self->data = piece;
        return 0;
    }
    if (!PyList_CheckExact(self->data)) {
        PyObject *list = PyList_New(1);
        if (list == NULL) {
            Py_DECREF(piece);
            return -1;
        }
        self->size = PyBytes_GET_SIZE(self->data);
        PyList_SET_ITEM(list, 0, self->data); /* steals the reference */
        self->data = list;
    }
    int failed = PyList_Append(self->data, piece);
    Py_DECREF(piece);
    if (failed) {
        return -1;
    }
    self->size += length + 1;
    return self->size > self->max ? 2 : 0;
}

/* One line without its "\n" (and "\r"): 0, or 1 when an error item ends the list, -1 on error. */
static int
scan_line(SSEScanner *self, const char *line, Py_ssize_t length, PyObject *out)
{
    if (length == 0) {
        if (self->data != NULL || self->event != NULL) {
            return emit_event(self, out) < 0 ? -1 : 0;
        }
        return 0;
    }
    if (line[0] == ':') {
        return PyList_Append(out, Py_None) < 0 ? -1 : 0;
    }
    const char *value;
    Py_ssize_t value_length;
    if (length >= 5 && memcmp(line, "data:", 5) == 0) {
        value = line + 5;
        value_length = length - 5;
    }
    else {
        const char *colon = memchr(line, ':', (size_t)length);
        Py_ssize_t field_length = colon != NULL ? colon - line : length;
        value = colon != NULL ? colon + 1 : line + length;
        value_length = colon != NULL ? length - field_length - 1 : 0;
        if (value_length > 0 && value[0] == ' ') {
            value++;
            value_length--;
        }
        if (field_length == 5 && memcmp(line, "event", 5) == 0) {
            PyObject *name = PyBytes_FromStringAndSize(value, value_length);
            if (name == NULL) {
                return -1;
            }
            Py_XDECREF(self->event);
            self->event = name;
            return 0;
        }
        if (!(field_length == 4 && memcmp(line, "data", 4) == 0)) {
            return 0; /* id:, retry: and unknown fields are ignored */
        }
        goto add;
    }
    if (value_length > 0 && value[0] == ' ') {
        value++;
        value_length--;
    }
add:;
    int status = add_data(self, value, value_length);
    if (status < 0) {
        return -1;
    }
    if (status > 0) {
        forget_event(self);
        if (emit_error(out, status == 1 ? "Line longer than the limit of %zd bytes" : "Event larger than the limit of %zd bytes",
                       self->max) < 0) {
            return -1;
        }
        return 1;
    }
    return 0;
}

static PyObject *
scanner_feed(SSEScanner *self, PyObject *chunk)
{
    if (!PyBytes_Check(chunk)) {
        PyErr_SetString(PyExc_TypeError, "feed() takes bytes");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t chunk_length = PyBytes_GET_SIZE(chunk);
    const char *chunk_start = PyBytes_AS_STRING(chunk);
    if (memchr(chunk_start, '\n', (size_t)chunk_length) == NULL) {
        if (chunk_length > 0) {
            if (PyList_Append(self->pending, chunk) < 0) {
                goto error;
            }
            self->pending_size += chunk_length;
            if (self->pending_size > self->max) {
                forget_event(self);
                if (clear_pending(self) < 0 || emit_error(out, "Line longer than the limit of %zd bytes", self->max) < 0) {
                    goto error;
                }
            }
        }
        return out;
    }
    PyObject *buffer;
    if (PyList_GET_SIZE(self->pending) > 0) {
        if (PyList_Append(self->pending, chunk) < 0) {
            goto error;
        }
        buffer = join_bytes("", 0, self->pending);
        if (buffer == NULL || clear_pending(self) < 0) {
            Py_XDECREF(buffer);
            goto error;
        }
    }
    else {
        buffer = Py_NewRef(chunk);
    }
    const char *start = PyBytes_AS_STRING(buffer);
    const char *end = start + PyBytes_GET_SIZE(buffer);
    const char *last_newline = start + PyBytes_GET_SIZE(buffer) - 1;
    while (*last_newline != '\n') {
        last_newline--;
    }
    if (last_newline + 1 < end) { /* the unfinished last line waits for the next chunk */
        PyObject *tail = PyBytes_FromStringAndSize(last_newline + 1, end - last_newline - 1);
        if (tail == NULL || PyList_Append(self->pending, tail) < 0) {
            Py_XDECREF(tail);
            Py_DECREF(buffer);
            goto error;
        }
        self->pending_size = PyBytes_GET_SIZE(tail);
        Py_DECREF(tail);
    }
    const char *line = start;
    while (line <= last_newline) {
        const char *newline = memchr(line, '\n', (size_t)(last_newline - line + 1));
        Py_ssize_t length = newline - line;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int status = scan_line(self, line, length, out);
        if (status != 0) {
            Py_DECREF(buffer);
            if (status < 0) {
                goto error;
            }
            return out;
        }
        line = newline + 1;
    }
    Py_DECREF(buffer);
    return out;
error:
    forget_event(self);
    Py_DECREF(out);
    return NULL;
}

static PyObject *
scanner_reset(SSEScanner *self, PyObject *Py_UNUSED(ignored))
{
    forget_event(self);
    if (clear_pending(self) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
scanner_forget_event(SSEScanner *self, PyObject *Py_UNUSED(ignored))
{
    forget_event(self);
    Py_RETURN_NONE;
}

static PyObject *
scanner_has_partial(SSEScanner *self, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(PyList_GET_SIZE(self->pending) > 0 || self->event != NULL || self->data != NULL);
}

static PyObject *
scanner_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"max_size", NULL};
    Py_ssize_t max;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "n:SSEScanner", keywords, &max)) {
        return NULL;
    }
    SSEScanner *self = (SSEScanner *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->pending = PyList_New(0);
    if (self->pending == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    self->max = max;
    return (PyObject *)self;
}

static int
scanner_traverse(SSEScanner *self, visitproc visit, void *arg)
{
    Py_VISIT(self->pending);
    Py_VISIT(self->data);
    return 0;
}

static int
scanner_clear(SSEScanner *self)
{
    Py_CLEAR(self->pending);
    forget_event(self);
    return 0;
}

static void
scanner_dealloc(SSEScanner *self)
{
    PyObject_GC_UnTrack(self);
    scanner_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef scanner_methods[] = {
    {"feed", (PyCFunction)scanner_feed, METH_O, PyDoc_STR("feed(chunk) -> what the chunk completed: (name, data), None (heartbeat), str (error)")},
    {"reset", (PyCFunction)scanner_reset, METH_NOARGS, PyDoc_STR("Forget any partial line or event.")},
    {"forget_event", (PyCFunction)scanner_forget_event, METH_NOARGS,
     PyDoc_STR("Forget the event being read (a callback failed: the rest of the chunk is dropped).")},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef scanner_getset[] = {
    {"has_partial", (getter)scanner_has_partial, NULL, PyDoc_STR("True while an incomplete line or event is buffered."), NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject SSEScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "mastodon._ssescan.SSEScanner",
    .tp_basicsize = sizeof(SSEScanner),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = PyDoc_STR("SSEScanner(max_size): the line scanning of a text/event-stream."),
    .tp_new = scanner_new,
    .tp_dealloc = (destructor)scanner_dealloc,
    .tp_traverse = (traverseproc)scanner_traverse,
    .tp_clear = (inquiry)scanner_clear,
    .tp_methods = scanner_methods,
    .tp_getset = scanner_getset,
};

static struct PyModuleDef ssescan_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "mastodon._ssescan",
    .m_doc = "C implementation of the line scanning in mastodon.streaming.sse.",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__ssescan(void)
{
    if (PyType_Ready(&SSEScannerType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&ssescan_module);
    if (module == NULL) {
        return NULL;
    }
    Py_INCREF(&SSEScannerType);
    if (PyModule_AddObject(module, "SSEScanner", (PyObject *)&SSEScannerType) < 0) {
        Py_DECREF(&SSEScannerType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
