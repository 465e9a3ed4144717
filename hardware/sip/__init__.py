"""The hotline: a SIP user agent over pjsua2 (pjsua), its headset audio bridge and a simulator."""
