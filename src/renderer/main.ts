import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import { mount } from 'svelte';
import { connect } from './api/connect';
import App from './App.svelte';

const connection = connect();
mount(App, { target: document.getElementById('app')!, props: { connection } });
