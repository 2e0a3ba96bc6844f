/* Optional C implementation of the JSON object hook in mastodon/decode.py, and of the
 * typing walk in mastodon/entity_types.py (retype, at the end).
 *
 * DecodeHook(wrap, date_keys, int_keys, slow) is called by the json module's C scanner
 * once per decoded object (a plain dict). It converts the values of timestamp and id
 * keys in place and returns wrap(obj). Only the common cases are handled here: an
 * ISO 8601 timestamp (naive ones are taken as UTC), and an id made of ASCII digits.
 * Everything else (unix times, dateutil's formats, ...) goes to slow(key, value), the
 * Python function that defines the rules, so both implementations agree by
 * construction; tests compare them on generated documents.
 *
 * The attribute dict takes over the table of the dict the scanner built (the two swap
 * their contents, see swap_dict_state) when nothing but the scanner holds that dict, so
 * no object's keys and values are copied; a dict someone else holds is copied.
 *
 * Garbage collector: like a plain dict, a returned attribute dict that holds no
 * container (an emoji, a tag, a mention...) is not tracked by the cyclic collector; the
 * dict type tracks it again as soon as a container is stored in it, and track() does so
 * before an attribute is set on it. On a page of statuses this halves the objects that
 * every collection has to visit.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <stddef.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    PyObject *wrap;          /* the attribute dict class */
    PyObject *kinds;         /* dict: key -> True (a timestamp key) or False (an id key) */
    PyObject *slow;          /* slow(key, value) -> replacement (value itself: unchanged) */
    PyObject *fromisoformat; /* datetime.fromisoformat */
    int direct;              /* wrap is a dict subclass with dict's own __new__ and __init__ */
    vectorcallfunc vectorcall;
} DecodeHook;

static PyObject *empty_tuple;

/* The length of value if it is 1 to 3999 ASCII digits, else 0 (the Python rule:
 * value.isdigit() and value.isascii() and len(value) < 4000). */
static Py_ssize_t
ascii_digits(PyObject *value)
{
    if (!PyUnicode_IS_ASCII(value)) {
        return 0;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(value);
    if (n == 0 || n >= 4000) {
        return 0;
    }
    const Py_UCS1 *data = PyUnicode_1BYTE_DATA(value);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (data[i] < '0' || data[i] > '9') {
            return 0;
        }
    }
    return n;
}

/* The converted value (new reference), value itself (new reference) when unchanged, NULL on error. */
static PyObject *
convert(DecodeHook *self, PyObject *key, PyObject *value, int is_date)
{
    if (is_date) {
        PyObject *parsed = PyObject_CallOneArg(self->fromisoformat, value);
        if (parsed == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_ValueError)) {
                return NULL;
            }
            PyErr_Clear();
            return PyObject_CallFunctionObjArgs(self->slow, key, value, NULL);
        }
        if (PyDateTime_DATE_GET_TZINFO(parsed) != Py_None) {
            return parsed;
        }
        /* naive (a date alone, or no offset): the same moment in UTC */
        PyObject *aware = PyDateTimeAPI->DateTime_FromDateAndTimeAndFold(
            PyDateTime_GET_YEAR(parsed), PyDateTime_GET_MONTH(parsed), PyDateTime_GET_DAY(parsed),
            PyDateTime_DATE_GET_HOUR(parsed), PyDateTime_DATE_GET_MINUTE(parsed),
            PyDateTime_DATE_GET_SECOND(parsed), PyDateTime_DATE_GET_MICROSECOND(parsed),
            PyDateTime_TimeZone_UTC, PyDateTime_DATE_GET_FOLD(parsed), PyDateTimeAPI->DateTimeType);
        Py_DECREF(parsed);
        return aware;
    }
    Py_ssize_t n = ascii_digits(value);
    if (n > 0 && n <= 18) { /* fits in a long long: the common snowflake id */
        const Py_UCS1 *data = PyUnicode_1BYTE_DATA(value);
        long long number = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            number = number * 10 + (data[i] - '0');
        }
        return PyLong_FromLongLong(number);
    }
    if (n > 0) {
        return PyLong_FromUnicodeObject(value, 10);
    }
    return Py_NewRef(value);
}

/* Exchange the contents of two dicts (everything after the object header: size, table,
 * version tag). No reference count changes: each table stays referenced once. */
static void
swap_dict_state(PyObject *a, PyObject *b)
{
    enum { START = offsetof(PyDictObject, ma_used), SIZE = sizeof(PyDictObject) - offsetof(PyDictObject, ma_used) };
    char saved[SIZE];
    memcpy(saved, (char *)a + START, SIZE);
    memcpy((char *)a + START, (char *)b + START, SIZE);
    memcpy((char *)b + START, saved, SIZE);
}

static PyObject *
wrap(DecodeHook *self, PyObject *obj, int holds_container)
{
    if (!self->direct) {
        return PyObject_CallOneArg(self->wrap, obj);
    }
    /* What type(obj) does for a dict subclass, without parsing arguments twice. */
    PyObject *result = PyDict_Type.tp_new((PyTypeObject *)self->wrap, empty_tuple, NULL);
    if (result == NULL) {
        return NULL;
    }
    if (Py_REFCNT(obj) == 1) { /* obj is an exact dict (hook_call checks), result a new empty one */
        /* Only the JSON scanner holds obj, which it drops after this call: the new dict
         * takes obj's table over (the two swap their state) instead of copying it. */
        swap_dict_state(result, obj);
    }
    else if (PyDict_Update(result, obj) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    if (!holds_container && PyObject_GC_IsTracked(result)) {
        PyObject_GC_UnTrack(result);
    }
    return result;
}

static PyObject *
hook_call(DecodeHook *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (PyVectorcall_NARGS(nargsf) != 1 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "DecodeHook takes exactly one argument");
        return NULL;
    }
    PyObject *obj = args[0];
    if (!PyDict_CheckExact(obj)) {
        return PyObject_CallOneArg(self->wrap, obj);
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    int holds_container = 0;
    while (PyDict_Next(obj, &pos, &key, &value)) {
        if (!PyUnicode_CheckExact(value)) {
            holds_container |= PyObject_IS_GC(value); /* even an untracked dict may be tracked later */
            continue;
        }
        PyObject *kind = PyDict_GetItemWithError(self->kinds, key);
        if (kind == NULL) {
            if (PyErr_Occurred()) {
                return NULL;
            }
            continue;
        }
        PyObject *converted = convert(self, key, value, kind == Py_True);
        if (converted == NULL) {
            return NULL;
        }
        /* Replacing the value of an existing key keeps PyDict_Next's position valid. */
        if (converted != value && PyDict_SetItem(obj, key, converted) < 0) {
            Py_DECREF(converted);
            return NULL;
        }
        Py_DECREF(converted);
    }
    return wrap(self, obj, holds_container);
}

/* kinds[key] = mark for every key of a frozenset. */
static int
mark_keys(PyObject *kinds, PyObject *keys, PyObject *mark)
{
    PyObject *iterator = PyObject_GetIter(keys);
    if (iterator == NULL) {
        return -1;
    }
    PyObject *key;
    while ((key = PyIter_Next(iterator)) != NULL) {
        int failed = PyDict_SetItem(kinds, key, mark) < 0;
        Py_DECREF(key);
        if (failed) {
            break;
        }
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *
hook_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *names[] = {"wrap", "date_keys", "int_keys", "slow", NULL};
    PyObject *wrap_type, *date_keys, *int_keys, *slow;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO!O!O:DecodeHook", names, &wrap_type, &PyFrozenSet_Type,
                                     &date_keys, &PyFrozenSet_Type, &int_keys, &slow)) {
        return NULL;
    }
    if (!PyCallable_Check(wrap_type) || !PyCallable_Check(slow)) {
        PyErr_SetString(PyExc_TypeError, "wrap and slow must be callable");
        return NULL;
    }
    /* Keys in both sets are date keys first, as in the Python hook. */
    PyObject *kinds = PyDict_New();
    if (kinds == NULL) {
        return NULL;
    }
    if (mark_keys(kinds, int_keys, Py_False) < 0 || mark_keys(kinds, date_keys, Py_True) < 0) {
        Py_DECREF(kinds);
        return NULL;
    }
    PyObject *fromisoformat = PyObject_GetAttrString((PyObject *)PyDateTimeAPI->DateTimeType, "fromisoformat");
    if (fromisoformat == NULL) {
        Py_DECREF(kinds);
        return NULL;
    }
    DecodeHook *self = (DecodeHook *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(kinds);
        Py_DECREF(fromisoformat);
        return NULL;
    }
    self->wrap = Py_NewRef(wrap_type);
    self->kinds = kinds;
    self->slow = Py_NewRef(slow);
    self->fromisoformat = fromisoformat;
    self->direct = PyType_Check(wrap_type) && PyType_IsSubtype((PyTypeObject *)wrap_type, &PyDict_Type)
                   && ((PyTypeObject *)wrap_type)->tp_new == PyDict_Type.tp_new
                   && ((PyTypeObject *)wrap_type)->tp_init == PyDict_Type.tp_init;
    self->vectorcall = (vectorcallfunc)hook_call;
    return (PyObject *)self;
}

static int
hook_traverse(DecodeHook *self, visitproc visit, void *arg)
{
    Py_VISIT(self->wrap);
    Py_VISIT(self->kinds);
    Py_VISIT(self->slow);
    Py_VISIT(self->fromisoformat);
    return 0;
}

static int
hook_clear(DecodeHook *self)
{
    Py_CLEAR(self->wrap);
    Py_CLEAR(self->kinds);
    Py_CLEAR(self->slow);
    Py_CLEAR(self->fromisoformat);
    return 0;
}

static void
hook_dealloc(DecodeHook *self)
{
    PyObject_GC_UnTrack(self);
    hook_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject DecodeHookType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "mastodon._speedups.DecodeHook",
    .tp_doc = PyDoc_STR("DecodeHook(wrap, date_keys, int_keys, slow): a json object_hook (see mastodon.decode)."),
    .tp_basicsize = sizeof(DecodeHook),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_new = hook_new,
    .tp_call = PyVectorcall_Call,
    .tp_vectorcall_offset = offsetof(DecodeHook, vectorcall),
    .tp_traverse = (traverseproc)hook_traverse,
    .tp_clear = (inquiry)hook_clear,
    .tp_dealloc = (destructor)hook_dealloc,
};

static PyObject *
track(PyObject *module, PyObject *obj)
{
    if (PyObject_IS_GC(obj) && !PyObject_GC_IsTracked(obj)) {
        PyObject_GC_Track(obj);
    }
    Py_RETURN_NONE;
}

/* retype(value, spec, dict_base, list_base): mastodon.entity_types' walk (see there for
 * the spec format), in C. Returns value (new reference) or its replacement. */
static PyObject *retype_value(PyObject *value, PyObject *spec, PyTypeObject *dict_base, PyTypeObject *list_base);

/* Store the typed form of container[key_or_index] back when it changed. */
static int
retype_entity_fields(PyObject *value, PyObject *fields, PyTypeObject *dict_base, PyTypeObject *list_base)
{
    Py_ssize_t n = PyTuple_GET_SIZE(fields);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *pair = PyTuple_GET_ITEM(fields, i);
        PyObject *key = PyTuple_GET_ITEM(pair, 0);
        PyObject *item = PyDict_GetItemWithError(value, key);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                return -1;
            }
            continue;
        }
        if (item == Py_None) {
            continue;
        }
        Py_INCREF(item);
        PyObject *typed = retype_value(item, PyTuple_GET_ITEM(pair, 1), dict_base, list_base);
        if (typed == NULL) {
            Py_DECREF(item);
            return -1;
        }
        int failed = typed != item && PyDict_SetItem(value, key, typed) < 0;
        Py_DECREF(typed);
        Py_DECREF(item);
        if (failed) {
            return -1;
        }
    }
    return 0;
}

static void
set_type(PyObject *obj, PyTypeObject *type)
{
    PyTypeObject *old = Py_TYPE(obj);
    Py_INCREF(type);
    Py_SET_TYPE(obj, type);
    Py_DECREF(old);
}

static PyObject *
retype_value(PyObject *value, PyObject *spec, PyTypeObject *dict_base, PyTypeObject *list_base)
{
    if (!PyList_Check(spec) || PyList_GET_SIZE(spec) < 2) {
        PyErr_SetString(PyExc_TypeError, "retype: malformed spec");
        return NULL;
    }
    long kind = PyLong_AsLong(PyList_GET_ITEM(spec, 0));
    if (kind == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (Py_EnterRecursiveCall(" while typing a decoded value")) {
        return NULL;
    }
    PyObject *result = NULL;
    if (kind == 0) {
        if (PyList_GET_SIZE(spec) < 4) {
            PyErr_SetString(PyExc_TypeError, "retype: malformed entity spec");
            goto done;
        }
        PyObject *cls = PyList_GET_ITEM(spec, 1);
        PyObject *fields = PyList_GET_ITEM(spec, 2);
        int direct = PyObject_IsTrue(PyList_GET_ITEM(spec, 3));
        if (direct < 0 || !PyTuple_Check(fields)) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "retype: malformed entity spec");
            }
            goto done;
        }
        if (Py_TYPE(value) == dict_base) {
            if (direct && PyType_Check(cls)) {
                set_type(value, (PyTypeObject *)cls);
                result = Py_NewRef(value);
            }
            else {
                result = PyObject_CallOneArg(cls, value);
            }
        }
        else if (PyDict_CheckExact(value)) {
            result = PyObject_CallOneArg(cls, value);
        }
        else if (!PyDict_Check(value)) {
            result = Py_NewRef(value);
            goto done;
        }
        else {
            result = Py_NewRef(value);
        }
        if (result != NULL && retype_entity_fields(result, fields, dict_base, list_base) < 0) {
            Py_CLEAR(result);
        }
    }
    else if (kind == 1) {
        if (PyList_GET_SIZE(spec) < 3) {
            PyErr_SetString(PyExc_TypeError, "retype: malformed list spec");
            goto done;
        }
        if (!PyList_Check(value)) {
            result = Py_NewRef(value);
            goto done;
        }
        PyObject *list_cls = PyList_GET_ITEM(spec, 2);
        if (list_cls != Py_None && Py_TYPE(value) == list_base && PyType_Check(list_cls)) {
            set_type(value, (PyTypeObject *)list_cls);
            result = Py_NewRef(value);
        }
        else if (list_cls != Py_None && PyList_CheckExact(value)) {
            result = PyObject_CallOneArg(list_cls, value);
        }
        else {
            result = Py_NewRef(value);
        }
        PyObject *item_spec = PyList_GET_ITEM(spec, 1);
        if (result == NULL || item_spec == Py_None) {
            goto done;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(result); i++) {
            PyObject *item = PyList_GET_ITEM(result, i);
            if (item == Py_None) {
                continue;
            }
            Py_INCREF(item);
            PyObject *typed = retype_value(item, item_spec, dict_base, list_base);
            if (typed == NULL) {
                Py_DECREF(item);
                Py_CLEAR(result);
                goto done;
            }
            if (typed != item && i < PyList_GET_SIZE(result)) {
                PyList_SetItem(result, i, typed); /* steals typed */
            }
            else {
                Py_DECREF(typed);
            }
            Py_DECREF(item);
        }
    }
    else {
        if (!PyDict_Check(value)) {
            result = Py_NewRef(value);
            goto done;
        }
        PyObject *item_spec = PyList_GET_ITEM(spec, 1);
        Py_ssize_t pos = 0;
        PyObject *key, *item;
        while (PyDict_Next(value, &pos, &key, &item)) {
            if (item == Py_None) {
                continue;
            }
            Py_INCREF(key);
            Py_INCREF(item);
            PyObject *typed = retype_value(item, item_spec, dict_base, list_base);
            int failed = typed == NULL || (typed != item && PyDict_SetItem(value, key, typed) < 0);
            Py_XDECREF(typed);
            Py_DECREF(item);
            Py_DECREF(key);
            if (failed) {
                goto done;
            }
        }
        result = Py_NewRef(value);
    }
done:
    Py_LeaveRecursiveCall();
    return result;
}

static PyObject *
retype(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4 || !PyType_Check(args[2]) || !PyType_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError, "retype(value, spec, dict_base, list_base)");
        return NULL;
    }
    return retype_value(args[0], args[1], (PyTypeObject *)args[2], (PyTypeObject *)args[3]);
}

static PyMethodDef speedups_methods[] = {
    {"track", track, METH_O, PyDoc_STR("track(obj): have the cyclic garbage collector track obj again.")},
    {"retype", (PyCFunction)(void (*)(void))retype, METH_FASTCALL,
     PyDoc_STR("retype(value, spec, dict_base, list_base): give decoded dicts their entity classes (see mastodon.entity_types).")},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "mastodon._speedups",
    .m_doc = "C implementation of mastodon.decode's object hook.",
    .m_size = -1,
    .m_methods = speedups_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) {
        return NULL;
    }
    if (empty_tuple == NULL && (empty_tuple = PyTuple_New(0)) == NULL) {
        return NULL;
    }
    if (PyType_Ready(&DecodeHookType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&speedups_module);
    if (module == NULL) {
        return NULL;
    }
    Py_INCREF(&DecodeHookType);
    if (PyModule_AddObject(module, "DecodeHook", (PyObject *)&DecodeHookType) < 0) {
        Py_DECREF(&DecodeHookType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
