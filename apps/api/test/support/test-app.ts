export { startTestApp, type TestApp } from '@bottega/identity/testing';
