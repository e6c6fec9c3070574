# -*- coding: utf-8 -*-
"""Applying a planned row through the ORM as the importing user: the same create / write
(and transfer) a form would do, so the guard and the record rules decide."""
import logging

import psycopg2

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError, ValidationError

_logger = logging.getLogger(__name__)


class CrmImportApply(models.AbstractModel):
    _name = 'crm.import.apply'
    _description = 'CRM Import Run'

    @api.model
    def _apply_item(self, kind, item):
        """('created' | 'updated' | 'skipped', record id) for one planned row."""
        if item['action'] == 'skip':
            return 'skipped', item['target']
        model = self.env[self.env['crm.import.columns']._kind_model(kind)]
        if item['action'] == 'create':
            record = model.create(dict(item['vals']))
            result = 'created'
        else:
            record = model.browse(item['target'])
            if item['vals']:
                record.write(dict(item['vals']))
            if item.get('owner'):
                record.action_transfer(item['owner'])
            result = 'updated'
        if kind == 'customer' and item['contact']:
            contact = model.browse(item.get('contact_target') or [])
            if contact:
                values = dict(item['contact'])
                values.pop('name', None)
                if values:
                    contact.write(values)
            else:
                model.create(dict(item['contact'], parent_id=record.id, type='contact'))
        return result, record.id

    @api.model
    def _apply_items(self, kind, items):
        """{'created', 'updated', 'skipped', 'failed': counts, 'failures': [(row, text)]};
        each row in a savepoint: a refused row changes nothing and the others go on."""
        counts = {'created': 0, 'updated': 0, 'skipped': 0, 'failed': 0, 'failures': []}
        for item in items:
            try:
                with self.env.cr.savepoint():
                    result, _record = self._apply_item(kind, item)
            except psycopg2.OperationalError:
                raise   # a concurrent transaction: queue_job runs the chunk again
            except (UserError, ValidationError, AccessError) as e:
                self.invalidate_cache()
                counts['failed'] += 1
                counts['failures'].append((item['row'], e.name if hasattr(e, 'name') else str(e)))
                continue
            except Exception as e:   # an unforeseen refusal of the ORM: the row fails
                self.invalidate_cache()
                _logger.warning('import row %s failed', item['row'], exc_info=True)
                counts['failed'] += 1
                counts['failures'].append((item['row'], _('This row could not be imported (%s).')
                                           % type(e).__name__))
                continue
            counts[result] += 1
        return counts
