# -*- coding: utf-8 -*-
"""A custom field the CRM administrator adds is a column of the import templates at once,
and its values come in with the rows."""
from odoo.addons.crm_custom_field.tests.common import CustomFieldCase
from odoo.addons.crm_import.tests.common import ImportCase


class TestImportCustomField(ImportCase):
    """Adding a field reloads the registry, which the rolled-back transaction does not
    undo: it is set up again from the database after each test and after the class (as
    crm_custom_field's own tests do)."""

    @classmethod
    def setUpClass(cls):
        super(TestImportCustomField, cls).setUpClass()
        Field = cls.env['crm.custom.field'].sudo(cls.zhoutao)
        try:
            cls.size = Field.create({'target': 'customer', 'name': '企业规模',
                                     'field_type': 'selection', 'options': '大型\n中型\n小型'})
            cls.hobby = Field.create({'target': 'contact', 'name': '兴趣爱好', 'field_type': 'char'})
            cls.archived = Field.create({'target': 'customer', 'name': '旧字段', 'field_type': 'char'})
            cls.archived.toggle_active()
        except Exception:
            # a failed setUpClass keeps its cursor and the added columns' locks
            cls.tearDownClass()
            raise

    def tearDown(self):
        super(TestImportCustomField, self).tearDown()
        CustomFieldCase.reload_registry.__func__(type(self), self.cr)

    @classmethod
    def tearDownClass(cls):
        super(TestImportCustomField, cls).tearDownClass()
        with cls.registry.cursor() as cr:
            CustomFieldCase.reload_registry.__func__(cls, cr)

    def test_template_lists_the_active_custom_fields(self):
        headers = self.env['crm.import.columns'].sudo(self.lina).with_context(
            lang='zh_CN')._headers('customer')
        self.assertIn('企业规模', headers)
        self.assertIn('兴趣爱好', headers, "the primary contact's field")
        self.assertNotIn('旧字段', headers, 'a hidden field is not offered')
        contact_headers = self.env['crm.import.columns'].sudo(self.lina)._headers('contact')
        self.assertIn('兴趣爱好', contact_headers)
        self.assertNotIn('企业规模', contact_headers)

    def test_values_come_in_and_bad_choices_are_row_errors(self):
        header = ['Customer Name', 'Contact Name', '企业规模', '兴趣爱好']
        rows = [['自定义导入甲', '联系人甲', '中型', '钓鱼'], ['自定义导入乙', '联系人乙', '巨型', None]]
        batch = self.preview(self.lina, header, rows)
        self.assertEqual(list(self.errors(batch)), [3], 'the unknown choice, row 3')
        self.assertIn('巨型', self.errors(batch)[3])
        batch.action_run()
        self.run_jobs(batch)
        customer = self.customer('自定义导入甲')
        labels = dict(customer._fields[self.size.field_name]._description_selection(self.env))
        self.assertEqual(labels[customer[self.size.field_name]], '中型')
        self.assertEqual(customer.primary_contact_id[self.hobby.field_name], '钓鱼')
        self.assertFalse(self.customer('自定义导入乙'))
