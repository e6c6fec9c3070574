# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.exceptions import AccessError, MissingError, UserError


class ReportCrmContract(models.AbstractModel):
    """The contract printout reads only contracts the user may read: the template
    itself reads through ``sudo()`` (the customer's signer, products and plans of a
    readable contract), so the check comes first, for the web route and for
    ``ir.actions.report.render_qweb_*`` called over RPC alike."""
    _name = 'report.crm_contract.report_crm_contract'
    _description = 'Contract Printout'

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self._crm_readable(self.env['crm.contract'], docids)
        return {'doc_ids': docs.ids, 'doc_model': 'crm.contract', 'docs': docs,
                'data': data}

    @api.model
    def _crm_parse_ids(self, docids):
        """Record ids from a URL part ("12,13") or a list; a clear error otherwise."""
        if isinstance(docids, str):
            parts = [p.strip() for p in docids.split(',')]
            if not all(p.isdigit() and len(p) < 11 for p in parts):
                raise UserError(_('"%s" is not a list of document numbers (ids).')
                                % self.env['crm.guard']._short(docids))
            docids = [int(p) for p in parts]
        if not docids:
            raise UserError(_('Choose the documents to print.'))
        return self.env['crm.guard']._arg_ids(docids, _('the documents to print'))

    @api.model
    def _crm_readable(self, model, docids):
        """The records of ``model`` (an empty recordset of it) with ids ``docids``, each
        existing and readable by the user, or a MissingError / AccessError."""
        ids = self._crm_parse_ids(docids)
        records = model.browse(ids)
        found = records.sudo().exists()
        if len(found) != len(set(ids)):
            raise MissingError(_('The document to print does not exist (any more).'))
        try:
            records.check_access_rights('read')
            records.check_access_rule('read')
        except AccessError:
            raise AccessError(_('You may not read this %s, so you cannot print it.')
                              % model._description)
        return records
