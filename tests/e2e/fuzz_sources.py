"""What the fuzz suites learn by reading the project's own source (addons/**), so that a
new module's context keys, grants and HTTP routes are covered without editing a test:

* ``context_keys()``: every key the code reads from a context (``context.get('k')``,
  ``context['k']``, ``'k' in context``, ``self._context.get('k')``) or puts into one
  (``with_context(k=...)``, ``with_context({'k': ...})``), with a plausible value (the
  constant the code itself passes, else ``True``);
* ``grant_names()``: the grants listed in ``crm_sales/grant.py``;
* ``routes()``: the ``@http.route`` / ``@route`` paths of the ``crm_*`` controllers (an
  override without paths, ``@route()``, inherits its parent's: the report routes)."""
import ast
import functools
import glob
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADDONS = os.path.join(ROOT, 'addons')
# Odoo's own keys get a value Odoo accepts (a wrong type breaks every call before the
# project's code runs, which would hide the keys that matter)
STANDARD_VALUES = {'lang': 'zh_CN', 'tz': 'Asia/Shanghai', 'active_test': False,
                   'uid': 1, 'params': {}}
# the report / wizard keys whose plain value is a model name
MODEL_KEYS = ('active_model',)
# parent routes of an override decorated with a bare @route() (Odoo's ReportController)
INHERITED_ROUTES = {'ReportController': {
    'report_routes': ['/report/<converter>/<reportname>', '/report/<converter>/<reportname>/<docids>'],
    'report_download': ['/report/download']}}


def _sources():
    for path in sorted(glob.glob(os.path.join(ADDONS, '*', '**', '*.py'), recursive=True)):
        rel = os.path.relpath(path, ADDONS)
        if rel.startswith('crm_') and '/tests/' not in rel:
            yield rel, path


def _is_context(node):
    """``context``, ``ctx``, ``self._context``, ``self.env.context``, ``env.context``."""
    if isinstance(node, ast.Name):
        return node.id in ('context', 'ctx', '_context')
    if isinstance(node, ast.Attribute):
        return node.attr in ('context', '_context')
    return False


def _constant(node):
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return True


def _string(node):
    if isinstance(node, ast.Str):
        return node.s
    return None


def _context_keys_of(tree):
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            if func.attr == 'get' and _is_context(func.value) and node.args and _string(node.args[0]):
                found.setdefault(_string(node.args[0]), True)
            elif func.attr == 'with_context':
                for kw in node.keywords:
                    if kw.arg:
                        found[kw.arg] = _constant(kw.value)
                for arg in node.args:
                    if isinstance(arg, ast.Dict):
                        for key, value in zip(arg.keys, arg.values):
                            if _string(key):
                                found[_string(key)] = _constant(value)
        elif isinstance(node, ast.Subscript) and _is_context(node.value):
            index = node.slice.value if isinstance(node.slice, ast.Index) else node.slice
            if _string(index):
                found.setdefault(_string(index), True)
        elif isinstance(node, ast.Compare) and len(node.ops) == 1 and \
                isinstance(node.ops[0], (ast.In, ast.NotIn)) and _is_context(node.comparators[0]) \
                and _string(node.left):
            found.setdefault(_string(node.left), True)
    return found


@functools.lru_cache()
def context_keys():
    """((key, plausible value)) of every context key the project's code reads or sets."""
    keys = {}
    for _rel, path in _sources():
        with open(path, encoding='utf-8') as f:
            tree = ast.parse(f.read(), path)
        for key, value in _context_keys_of(tree).items():
            if key not in keys or keys[key] is True:
                keys[key] = value
    for key, value in STANDARD_VALUES.items():
        if key in keys:
            keys[key] = value
    return tuple(sorted(keys.items()))


@functools.lru_cache()
def former_keys():
    """The context keys that carried privilege before the grants replaced them (a client
    still sends them): ``crm_<grant>`` and ``crm_<grant>_ok`` for every grant, and the
    ones issue #21 names."""
    keys = {'crm_approval_ok', 'crm_share_ok', 'crm_action_write', 'crm_end_status_write'}
    for name in grant_names():
        keys.update(('crm_' + name, 'crm_%s_ok' % name))
    return tuple(sorted(keys))


@functools.lru_cache()
def grant_names():
    """The grants listed in crm_sales/grant.py's docstring (``* ``name`` / ``other``:``)."""
    with open(os.path.join(ADDONS, 'crm_sales', 'grant.py'), encoding='utf-8') as f:
        doc = ast.get_docstring(ast.parse(f.read())) or ''
    names = set()
    for line in doc.splitlines():
        if line.startswith('* ``'):
            names.update(re.findall(r'``([a-z_]+)``', line.split(':')[0]))
    return tuple(sorted(names))


def _route_paths(decorator):
    """The paths of ``@http.route(...)`` / ``@route(...)``; [] for a bare ``@route()``;
    None for another decorator."""
    if not isinstance(decorator, ast.Call):
        return None
    func = decorator.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, 'id', None)
    if name != 'route':
        return None
    paths, methods = [], None
    if decorator.args:
        value = _constant(decorator.args[0])
        paths = [value] if isinstance(value, str) else list(value)
    for kw in decorator.keywords:
        if kw.arg == 'route':
            value = _constant(kw.value)
            paths = [value] if isinstance(value, str) else list(value)
        elif kw.arg == 'methods':
            methods = _constant(kw.value)
        elif kw.arg == 'auth':
            pass
    return [(p, methods) for p in paths]


@functools.lru_cache()
def routes():
    """[(path, methods or None, module, function)] of the crm_* controllers."""
    found = []
    for rel, path in _sources():
        if '/controllers/' not in '/' + rel:
            continue
        with open(path, encoding='utf-8') as f:
            tree = ast.parse(f.read(), path)
        for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)]:
            bases = [getattr(b, 'id', getattr(b, 'attr', '')) for b in cls.bases]
            for func in [n for n in cls.body if isinstance(n, ast.FunctionDef)]:
                for decorator in func.decorator_list:
                    paths = _route_paths(decorator)
                    if paths is None:
                        continue
                    if not paths:
                        paths = [(p, None) for base in bases
                                 for p in INHERITED_ROUTES.get(base, {}).get(func.name, [])]
                    found.extend((p, m, rel.split('/')[0], func.name) for p, m in paths)
    return tuple(found)
