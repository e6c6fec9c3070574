# -*- coding: utf-8 -*-
from lxml import etree

from odoo.tests.common import SavepointCase


class CustomFieldCase(SavepointCase):
    """Custom fields added by zhoutao (CRM administrator) in setUpClass: every type on
    customers, one on contacts, leads, opportunities and contracts. Adding a field
    reloads the registry, which a rolled-back transaction does not undo: the registry is
    set up again from the database after each test and after the class."""

    @classmethod
    def setUpClass(cls):
        super(CustomFieldCase, cls).setUpClass()
        ref = cls.env.ref
        cls.zhoutao = ref('crm_sales.user_crm_admin')
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.wugang = ref('crm_sales.user_executive')
        cls.Field = cls.env['crm.custom.field'].sudo(cls.zhoutao).with_context(lang='zh_CN')
        try:
            cls.add_fields()
        except Exception:
            # a failed setUpClass keeps its cursor (and the table locks of the added
            # columns): the next class would wait forever
            cls.tearDownClass()
            raise

    @classmethod
    def add_fields(cls):
        add = cls.add_field
        cls.f_char = add('customer', '客户简称', 'char')
        cls.f_text = add('customer', '合作备注', 'text')
        cls.f_int = add('customer', '门店数量', 'integer')
        cls.f_float = add('customer', '年采购额', 'float')
        cls.f_date = add('customer', '签约意向日期', 'date')
        cls.f_bool = add('customer', '重点客户', 'boolean')
        cls.f_sel = add('customer', '客户规模', 'selection', options='大型\n中型\n小型')
        cls.f_contact = add('contact', '爱好', 'char')
        cls.f_lead = add('lead', '展会名称', 'char')
        cls.f_opp = add('opportunity', '竞争对手', 'selection', options='甲公司\n乙公司')
        cls.f_contract = add('contract', '归档日期', 'date') \
            if 'contract' in cls.env['crm.custom.field']._crm_targets() else None

    @classmethod
    def add_field(cls, target, label, field_type, **kw):
        vals = dict(target=target, name=label, field_type=field_type)
        vals.update(kw)
        return cls.Field.create(vals)

    @classmethod
    def reload_registry(cls, cr):
        cls.registry.clear_caches()
        cls.registry.setup_models(cr)
        cls.registry.registry_invalidated = False

    def tearDown(self):
        super(CustomFieldCase, self).tearDown()
        self.reload_registry(self.cr)

    @classmethod
    def tearDownClass(cls):
        super(CustomFieldCase, cls).tearDownClass()
        with cls.registry.cursor() as cr:
            cls.reload_registry(cr)

    # ------------------------------------------------------------------ helpers
    def view(self, user, target, kind):
        """(arch element, fields) of a target's screen as ``user`` sees it in zh_CN."""
        spec = self.env['crm.custom.field']._crm_targets()[target]
        view = self.env.ref(spec[kind])
        res = self.env[spec['model']].sudo(user).with_context(lang='zh_CN').fields_view_get(
            view_id=view.id, view_type=kind)
        return etree.fromstring(res['arch']), res['fields']

    def field_nodes(self, arch, name):
        return arch.xpath("//field[@name='%s']" % name)
