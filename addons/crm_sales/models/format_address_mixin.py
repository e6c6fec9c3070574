# -*- coding: utf-8 -*-
import json

from lxml import etree

from odoo import _, api, models

# Chinese address order: 省 / 市 / 区 / 详细地址; Western ZIP and country are not asked
CHINESE_ORDER = ('state_id', 'city', 'street2', 'street')
HIDDEN = ('zip', 'country_id')


class FormatAddressMixin(models.AbstractModel):
    """Every address block of Odoo's forms (customers, contacts, leads, opportunities:
    ``div.o_address_format``, Odoo's own hook ``_fields_view_get_address``) reads as a
    Chinese address when the company is in China: province, city, district, detailed
    address, with Chinese placeholders; ZIP and country are hidden (the province sets
    the country)."""
    _inherit = 'format.address.mixin'

    @api.model
    def _fields_view_get_address(self, arch):
        arch = super(FormatAddressMixin, self)._fields_view_get_address(arch)
        country = self.env.user.company_id.country_id
        if country and country.code != 'CN':
            return arch
        doc = etree.fromstring(arch)
        blocks = doc.xpath("//div[hasclass('o_address_format')]")
        for block in blocks:
            self._crm_chinese_address(block)
        return etree.tostring(doc, encoding='unicode') if blocks else arch

    @api.model
    def _crm_chinese_address(self, block):
        fields = {node.get('name'): node for node in block.findall('field')}
        placeholders = {'state_id': _('Province'), 'city': _('City'), 'street2': _('District'),
                        'street': _('Detailed address (street, building, room)'),
                        'zip': _('Postcode'), 'country_id': _('Country')}
        classes = {'state_id': 'o_address_state', 'city': 'o_address_city',
                   'street2': 'o_address_city', 'street': 'o_address_street'}
        for name in CHINESE_ORDER + HIDDEN:
            node = fields.get(name)
            if node is None:
                continue
            block.remove(node)
            block.append(node)
            node.set('placeholder', placeholders[name])
            if name in HIDDEN:
                modifiers = json.loads(node.get('modifiers') or '{}')
                modifiers['invisible'] = True
                node.set('modifiers', json.dumps(modifiers))
                node.set('invisible', '1')
                continue
            node.set('class', classes[name])
        state = fields.get('state_id')
        if state is not None:
            state.set('domain', "[('country_id.code', '=', 'CN')]")
            state.set('options', "{'no_open': True, 'no_create': True}")
