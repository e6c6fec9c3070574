# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError


class CrmPrintoutMixin(models.AbstractModel):
    """What every CRM printout (a QWeb PDF of a document: contracts here, quotations in
    crm_quotation) needs: the documents to print checked before anything renders
    (``_crm_readable``: the template reads through ``sudo()``, so the check comes first,
    for the web route and for ``ir.actions.report.render_qweb_*`` over RPC alike) and
    dates written as the reader's language writes them (``_crm_format_date``)."""
    _name = 'crm.printout.mixin'
    _description = 'CRM Printout'

    @api.model
    def _crm_format_date(self, value):
        """2026-06-01 as the reader's language writes it (2026年6月1日)."""
        if not value:
            return ''
        day = fields.Date.from_string(value)
        return _('%(year)d-%(month)02d-%(day)02d') % {
            'year': day.year, 'month': day.month, 'day': day.day}

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
        existing and readable by the user, or a MissingError / AccessError naming the
        kind of document in the user's language."""
        ids = self._crm_parse_ids(docids)
        records = model.browse(ids)
        found = records.sudo().exists()
        if len(found) != len(set(ids)):
            raise MissingError(_('The document to print does not exist (any more).'))
        try:
            records.check_access_rights('read')
            records.check_access_rule('read')
        except AccessError:
            kind = self.env['ir.model'].sudo()._get(model._name).name or model._description
            raise AccessError(_('You may not read this %s, so you cannot print it.') % kind)
        return records
