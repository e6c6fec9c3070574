"""What a CRM database holds comes from one place (scripts/lib.sh: every module under
addons/ and CRM_LANGUAGES; requirements-nodeps.txt for the OCA addons), and every way of
making one reads it: `make run` and `make test` through scripts/prepare_db.sh, the
container through docker/start.sh -> the same script. These tests fail when the test
database, the manifests, the wheels or the container disagree with that place."""
import importlib.util
import os
import re
import subprocess

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _lib(expression):
    out = subprocess.check_output(
        ['bash', '-c', 'source scripts/lib.sh && %s' % expression], cwd=ROOT)
    return out.decode().strip()


def _project_modules():
    return set(_lib('project_modules').split(','))


def _languages():
    return set(_lib('echo "$CRM_LANGUAGES"').split(','))


def _wheel_lines():
    with open(os.path.join(ROOT, 'requirements-nodeps.txt')) as f:
        return [re.split(r'[=<>]', line.strip())[0] for line in f
                if line.strip() and not line.startswith('#')]


def _manifest(path):
    with open(os.path.join(path, '__manifest__.py')) as f:
        return eval(f.read(), {})  # a manifest is a Python literal


def _installed_addons():
    """Every addon of the venv (Odoo's and the OCA wheels'), name -> folder."""
    odoo_dir = importlib.util.find_spec('odoo').submodule_search_locations[0]
    base = os.path.join(odoo_dir, 'addons')
    return {name: os.path.join(base, name) for name in os.listdir(base)
            if os.path.isfile(os.path.join(base, name, '__manifest__.py'))}


def test_the_test_database_has_every_project_module_and_language(admin):
    installed = {m['name'] for m in admin.call('ir.module.module', 'search_read',
                                               [('state', '=', 'installed')], ['name'])}
    missing = _project_modules() - installed
    assert not missing, 'modules under addons/ that the database lacks: %s' % sorted(missing)
    active = {lang['code'] for lang in admin.call('res.lang', 'search_read',
                                                  [('active', '=', True)], ['code'])}
    assert active == _languages(), 'languages %s, CRM_LANGUAGES says %s' % (
        sorted(active), sorted(_languages()))


def test_every_manifest_fits_the_module_table_of_a_new_database():
    """A new database's ir_module_module has name and summary columns of 256 characters
    (Odoo's base.sql): a longer summary fails `make run` and `make test` on a fresh machine
    only, since an existing database takes it through the ORM."""
    too_long = []
    for name in sorted(os.listdir(os.path.join(ROOT, 'addons'))):
        path = os.path.join(ROOT, 'addons', name)
        if not os.path.isfile(os.path.join(path, '__manifest__.py')):
            continue
        manifest = _manifest(path)
        too_long += ['%s: %s has %d characters' % (name, key, len(manifest.get(key) or ''))
                     for key in ('name', 'summary') if len(manifest.get(key) or '') > 256]
    assert not too_long, too_long


def test_every_oca_addon_a_module_needs_comes_from_a_listed_wheel():
    """An OCA dependency (found through the manifests, transitively) must be installed from
    requirements-nodeps.txt, which both the venv and the container image read."""
    addons = _installed_addons()
    wheels = set(_wheel_lines())
    project = {m: os.path.join(ROOT, 'addons', m) for m in _project_modules()}
    seen, todo, unlisted = set(), list(project), []
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = project.get(name) or addons.get(name)
        assert path, 'module %s is needed but neither under addons/ nor installed' % name
        manifest = _manifest(path)
        todo.extend(manifest.get('depends', []))
        if name not in project and 'Odoo Community Association' in manifest.get('author', ''):
            if 'odoo11-addon-' + name.replace('_', '-') not in wheels:
                unlisted.append(name)
    assert not unlisted, 'OCA addons used but not in requirements-nodeps.txt: %s' % unlisted


def _compose():
    with open(os.path.join(ROOT, 'docker-compose.yml')) as f:
        return yaml.safe_load(f)


def test_the_container_creates_its_database_as_make_run_does():
    services = _compose()['services']
    nodes = {name: s for name, s in services.items() if name.startswith('odoo')}
    assert sorted(nodes) == ['odoo1', 'odoo2']
    for name, node in nodes.items():
        assert node['build'] == {'context': '.', 'dockerfile': 'docker/Dockerfile'}
        assert './:/mnt/crm:ro' in node['volumes'] and 'odoo-data:/var/lib/odoo' in node['volumes']
        assert node['command'] == ['bash', '/mnt/crm/docker/start.sh']
        assert node['environment']['CRM_NODE'] == name[-1]
    with open(os.path.join(ROOT, 'docker', 'start.sh')) as f:
        start = f.read()
    assert 'scripts/prepare_db.sh "$DB"' in start
    # crons and queue_job's runner on node 1 only
    assert 'CRONS=0' in start and 'export ODOO_QUEUE_JOB_CHANNELS=root:0' in start
    assert not re.search(r'(\s-i\s|--init|--load-language|crm_sales)', start), \
        'docker/start.sh names modules or languages itself instead of prepare_db.sh'
    with open(os.path.join(ROOT, 'docker', 'Dockerfile')) as f:
        dockerfile = f.read()
    assert 'COPY requirements-nodeps.txt constraints.txt' in dockerfile
    assert not re.search(r'odoo11-addon-', dockerfile), \
        'the Dockerfile lists OCA wheels itself instead of reading requirements-nodeps.txt'
    with open(os.path.join(ROOT, '.dockerignore')) as f:
        assert '.venv' in f.read().split()


def test_the_containers_nginx_is_the_shipped_template_for_its_nodes():
    """deploy/nginx/docker.conf is crm.conf.template filled with the compose file's nodes,
    so the local cluster (scripts/cluster.sh) and the containers run the same routing."""
    services = _compose()['services']
    nodes = sorted(name for name in services if name.startswith('odoo'))
    with open(os.path.join(ROOT, 'deploy', 'nginx', 'crm.conf.template')) as f:
        template = f.read()
    expected = template.replace('@LISTEN@', '80').replace(
        '@HTTP_SERVERS@', '\n'.join('    server %s:8069 max_fails=1 fail_timeout=5s;' % n
                                     for n in nodes)).replace(
        '@LONGPOLLING_SERVERS@', '\n'.join('    server %s:8072 max_fails=1 fail_timeout=5s;' % n
                                            for n in nodes))
    with open(os.path.join(ROOT, 'deploy', 'nginx', 'docker.conf')) as f:
        assert f.read() == expected
    assert './deploy/nginx/docker.conf:/etc/nginx/conf.d/default.conf:ro' in \
        services['nginx']['volumes']
