# -*- coding: utf-8 -*-
from . import test_mail_retry
from . import test_mail_queue_access
