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
        new customers and contacts together (``res.partner._crm_create_batch``), the other
        rows one by one; a refused row changes nothing and the others go on."""
        counts = {'created': 0, 'updated': 0, 'skipped': 0, 'failed': 0, 'failures': [],
                  'records': {}}
        model = self.env[self.env['crm.import.columns']._kind_model(kind)]
        if model._name == 'res.partner':
            new = [i for i in items if i['action'] == 'create']
            records = self._apply_batch(kind, model, new) if new else None
            if records is not None:
                counts['created'] += len(new)
                counts['records'].update(zip(records.ids, [i['row'] for i in new]))
                items = [i for i in items if i['action'] != 'create']
        return self._apply_each(kind, items, counts)

    @api.model
    def _apply_batch(self, kind, model, items):
        """Create the rows' partners (and each customer's contact) at once: the records;
        None when some row is refused (nothing written then: the rows go one by one, to
        name it)."""
        try:
            with self.env.cr.savepoint():
                records = model._crm_create_batch([i['vals'] for i in items])
                contacts = [dict(item['contact'], parent_id=record.id, type='contact')
                            for item, record in zip(items, records)
                            if kind == 'customer' and item['contact']]
                model._crm_create_batch(contacts)
        except psycopg2.OperationalError:
            raise
        except Exception:   # a refusal: found and reported row by row
            self.invalidate_cache()
            return None
        return records

    @api.model
    def _apply_each(self, kind, items, counts):
        for item in items:
            try:
                with self.env.cr.savepoint():
                    result, record_id = self._apply_item(kind, item)
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
            if result != 'skipped':
                counts['records'][record_id] = item['row']
        return counts
