# -*- coding: utf-8 -*-
"""The CRM's words for the fields of OCA's audit and login-log models (their own
zh_CN is missing or partial), applied by crm_sales' label mechanism
(``ir.module.module._crm_odoo_field_labels``): forms, lists, filters and export say
them in Chinese."""
from odoo import _

AUDIT_FIELD_LABELS = {
    'auditlog.log': {
        'name': _('Record'),
        'model_id': _('Document Type'),
        'res_id': _('Record ID'),
        'user_id': _('Changed by'),
        'method': _('Operation Code'),
        'line_ids': _('Changed Fields'),
        'log_type': _('Log Type'),
        'http_session_id': _('Session'),
        'http_request_id': _('Request'),
        'create_date': _('Time'),
    },
    'auditlog.log.line': {
        'field_id': _('Field'),
        'log_id': _('Change'),
        'old_value': _('Old Value (raw)'),
        'new_value': _('New Value (raw)'),
        'old_value_text': _('Old Value'),
        'new_value_text': _('New Value'),
        'field_name': _('Technical Name'),
        'field_description': _('Field Label'),
    },
    'res.authentication.attempt': {
        'login': _('Login'),
        'remote': _('IP Address'),
        'result': _('Result'),
        'remote_metadata': _('IP Details'),
        'whitelisted': _('Whitelisted'),
        'create_date': _('Time'),
    },
    'res.company': {
        'password_expiration': _('Password Validity (days)'),
        'password_length': _('Minimum Password Length'),
        'password_lower': _('Lowercase Letters Required'),
        'password_upper': _('Uppercase Letters Required'),
        'password_numeric': _('Digits Required'),
        'password_special': _('Special Characters Required'),
        'password_history': _('Previous Passwords Not Reused'),
        'password_minimum': _('Hours Between Password Resets'),
    },
}

AUDIT_SELECTION_LABELS = {
    'res.authentication.attempt': {
        'result': [_('Successful'), _('Failed'), _('Banned')],
    },
    'auditlog.log': {
        'log_type': [_('Full log'), _('Fast log')],
    },
}
