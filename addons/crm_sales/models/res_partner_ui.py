# -*- coding: utf-8 -*-
from odoo import _, api, models


class ResPartner(models.Model):
    """How customers and contacts open: every link to a CRM customer or contact (a
    many2one's "open" button, a to-do row, a notification) opens the CRM's customer form,
    with its actions, instead of Odoo's plain partner form."""
    _inherit = 'res.partner'

    @api.multi
    def get_formview_id(self, access_uid=None):
        if len(self) == 1 and self.sudo().is_crm_scoped:
            return self.env.ref('crm_sales.res_partner_view_form_customer').id
        return super(ResPartner, self).get_formview_id(access_uid=access_uid)

    @api.multi
    def _crm_export_name(self):
        partners = self.sudo()
        if partners and all(p.is_crm_customer for p in partners):
            return _('Customers')
        if partners and all(p.is_crm_scoped and p.parent_id for p in partners):
            return _('Contacts')
        return False

    @api.model
    def _get_default_image(self, partner_type, is_company, parent_id):
        """Companies and the contacts / addresses of a company get no generated picture
        (the web client shows its placeholder): Odoo's resized copies, three stored
        attachments per partner, made every conversion and import slower."""
        if is_company or parent_id:
            return False
        return super(ResPartner, self)._get_default_image(partner_type, is_company, parent_id)
